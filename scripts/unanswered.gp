# Unanswered conversations: conversations other people began that the owner
# never answered, by the month they began, over all conversations begun then.
#
# Data (written by `dmaudit charts`): a TSV with the header
# "# month unanswered conversations automated", one row per month YYYY-MM;
# automated counts the unanswered conversations begun by senders judged
# near-certainly automated, who need no answer.
# By hand:
#   gnuplot -e "datafile='charts/unanswered.tsv'; outfile='u.svg'" scripts/unanswered.gp
# Variables: datafile, outfile, fmt ('svg' or 'png'), tz (the zone months are in).

if (!exists("datafile")) datafile = 'unanswered.tsv'
if (!exists("fmt")) fmt = 'svg'
if (!exists("outfile")) outfile = 'unanswered.' . fmt
if (!exists("tz")) tz = 'UTC'

set datafile separator "\t"
stats datafile using 3 nooutput
n = STATS_records
ymax = STATS_max
step = n > 24 ? ceil(n / 24.0) : 1       # at most 24 month labels

if (fmt eq 'png') {
	if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {
		set terminal pngcairo size 900,420 font 'sans,10' background '#ffffff'
	} else {
		set terminal png size 900,420 background '#ffffff'
	}
} else {
	set terminal svg size 900,420 font 'sans,13' background '#ffffff'
}
set termoption noenhanced
set output outfile

set label 100 'Unanswered conversations per month' at screen 0.5, screen 0.955 center font ',15'
set tmargin 5.5
set xlabel sprintf('month the conversation began (%s)', tz)
set ylabel 'conversations'
set xrange [-0.6:n - 0.4]
set yrange [0:ymax * 1.25 + 1]
if (ymax < 10) { set ytics 1 }
set xtics rotate by -45 nomirror scale 0
set ytics nomirror
set grid ytics lc rgb '#dde3e9' lw 1
set border 3 lc rgb '#57606a'
set key at screen 0.5, screen 0.9 center top horizontal
set style fill solid 0.9 noborder
set boxwidth 0.7

plot datafile using 0:3:xtic(int($0) % step == 0 ? strcol(1) : '') with boxes \
        lc rgb '#c9d3dd' title 'begun by others', \
     '' using 0:2 with boxes lc rgb '#c0392b' title 'people never answered', \
     '' using 0:4 with boxes lc rgb '#6e7781' title 'automated senders (no answer needed)'

# The owner's own automated messages (auto-DMs) per month.
#
# Data (written by `dmaudit charts`): a TSV with the header "# month messages",
# one row per month YYYY-MM.
# By hand:
#   gnuplot -e "datafile='charts/autodm-own.tsv'; outfile='own.svg'" scripts/autodm-own.gp
# Variables: datafile, outfile, fmt ('svg' or 'png'), tz (the zone months are in).

if (!exists("datafile")) datafile = 'autodm-own.tsv'
if (!exists("fmt")) fmt = 'svg'
if (!exists("outfile")) outfile = 'autodm-own.' . fmt
if (!exists("tz")) tz = 'UTC'

set datafile separator "\t"
stats datafile using 2 nooutput
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

set label 100 'Automated messages the owner sent, per month' at screen 0.5, graph 1 center offset 0,1.8 font ',15'
set tmargin 4
set xlabel sprintf('month (%s)', tz)
set ylabel 'messages'
set xrange [-0.6 - (n < 3 ? 1 : 0):n - 0.4 + (n < 3 ? 1 : 0)]
set yrange [0:ymax * 1.2 + 1]
if (ymax < 10) { set ytics 1 }
set xtics rotate by -45 nomirror scale 0
set ytics nomirror
set grid ytics lc rgb '#dde3e9' lw 1
set border 3 lc rgb '#57606a'
unset key
set style fill solid 0.9 noborder
set boxwidth 0.7

plot datafile using 0:2:xtic(int($0) % step == 0 ? strcol(1) : '') with boxes \
        lc rgb '#e07b39' title 'auto-DMs', \
     '' using 0:2:(step == 1 && $2 > 0 ? sprintf('%d', $2) : '') with labels offset 0,0.8 notitle

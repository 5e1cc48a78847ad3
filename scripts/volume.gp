# DM volume: direct messages per month, received and sent (1:1 and group).
#
# Data (written by `dmaudit charts`): a TSV, "# month received sent" header,
# one row per month YYYY-MM, months without messages included as 0.
# By hand:
#   gnuplot -e "datafile='charts/volume.tsv'; outfile='volume.svg'" scripts/volume.gp
# Variables: datafile, outfile, fmt ('svg' or 'png'), tz (the zone months are in).

if (!exists("datafile")) datafile = 'volume.tsv'
if (!exists("fmt")) fmt = 'svg'
if (!exists("outfile")) outfile = 'volume.' . fmt
if (!exists("tz")) tz = 'UTC'

set datafile separator "\t"
stats datafile using 2:3 nooutput
n = STATS_records
ymax = STATS_max_x > STATS_max_y ? STATS_max_x : STATS_max_y
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

set label 100 'Direct messages per month, received and sent' at screen 0.5, screen 0.955 center font ',15'
set tmargin 5.5
set xlabel sprintf('month (%s)', tz)
set ylabel 'messages'
set xrange [-0.6:n - 0.4]
set yrange [0:ymax * 1.2 + 1]
if (ymax < 10) { set ytics 1 }
set xtics rotate by -45 nomirror scale 0
set ytics nomirror
set grid ytics lc rgb '#dde3e9' lw 1
set border 3 lc rgb '#57606a'
set key at screen 0.5, screen 0.9 center top horizontal
set style fill solid 0.9 noborder
set boxwidth 0.4

plot datafile using ($0 - 0.2):2 with boxes lc rgb '#1d6fb8' title 'received', \
     '' using ($0 + 0.2):3:xtic(int($0) % step == 0 ? strcol(1) : '') \
        with boxes lc rgb '#e07b39' title 'sent by the owner'

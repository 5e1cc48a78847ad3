# Followers gained and lost between consecutive snapshots (archives taken on
# different dates).
#
# Data (written by `dmaudit charts`): a TSV, "# from to gained lost followers"
# header, one row per pair of consecutive snapshots; dates are YYYY-MM-DD and
# followers is the count in the later snapshot.
# By hand:
#   gnuplot -e "datafile='charts/followers.tsv'; outfile='followers.svg'" scripts/followers.gp
# Variables: datafile, outfile, fmt ('svg' or 'png'), tz (the zone dates are in).

if (!exists("datafile")) datafile = 'followers.tsv'
if (!exists("fmt")) fmt = 'svg'
if (!exists("outfile")) outfile = 'followers.' . fmt
if (!exists("tz")) tz = 'UTC'

set datafile separator "\t"
stats datafile using 3:4 nooutput
n = STATS_records
up = STATS_max_x
down = STATS_max_y
span = (up > down ? up : down) + 1

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

set label 100 sprintf('Followers gained and lost between snapshots (dates in %s)', tz) at screen 0.5, screen 0.955 center font ',15'
set tmargin 5.5
unset xlabel
set ylabel 'followers (lost are below 0)'
set xrange [-0.7 - (n < 3 ? 1 : 0):n - 0.3 + (n < 3 ? 1 : 0)]
set bmargin 4
set yrange [-down - span * 0.25:up + span * 0.25]
if (span < 10) { set ytics 1 }
set xtics nomirror scale 0
set ytics nomirror
set xzeroaxis lt -1 lc rgb '#57606a'
set grid ytics lc rgb '#dde3e9' lw 1
set border 2 lc rgb '#57606a'
set key at screen 0.5, screen 0.9 center top horizontal
set style fill solid 0.9 noborder
set boxwidth (n < 3 ? 0.6 : 0.5)

label(r) = sprintf("%s to %s\n(%d followers after)", strcol(1), strcol(2), int(column(5)))
plot datafile using 0:3:xtic(label(0)) with boxes lc rgb '#2e8b57' title 'gained', \
     '' using 0:(-$4) with boxes lc rgb '#c0392b' title 'lost', \
     '' using 0:3:(sprintf('+%d', $3)) with labels offset 0,0.8 notitle, \
     '' using 0:(-$4):(sprintf('-%d', $4)) with labels offset 0,-0.8 notitle

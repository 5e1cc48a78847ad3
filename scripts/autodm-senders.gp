# The automated senders (bots, auto-DM apps, autoresponders) that wrote to
# the owner, by kind: what kinds of automation write, and how many accounts.
#
# Data (written by `dmaudit charts`): a TSV with the header
# "# kind senders messages", one row a kind, most senders first.
# By hand:
#   gnuplot -e "datafile='charts/autodm-senders.tsv'; outfile='s.svg'" scripts/autodm-senders.gp
# Variables: datafile, outfile, fmt ('svg' or 'png').

if (!exists("datafile")) datafile = 'autodm-senders.tsv'
if (!exists("fmt")) fmt = 'svg'
if (!exists("outfile")) outfile = 'autodm-senders.' . fmt

set datafile separator "\t"
stats datafile using 2 nooutput
n = STATS_records
xmax = STATS_max
height = 130 + 28 * (n < 3 ? 3 : n)

if (fmt eq 'png') {
	if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {
		set terminal pngcairo size 900,height font 'sans,10' background '#ffffff'
	} else {
		set terminal png size 900,height background '#ffffff'
	}
} else {
	set terminal svg size 900,height font 'sans,13' background '#ffffff'
}
set termoption noenhanced
set output outfile

set label 100 'Automated senders by kind' at screen 0.5, graph 1 center offset 0,1.8 font ',15'
set tmargin 4
set xlabel 'accounts'
set yrange [n - 0.5 + (n < 3 ? 1 : 0):-0.5 - (n < 3 ? 1 : 0)]   # first row on top
set xrange [0:xmax * 1.25 + 1]
if (xmax < 10) { set xtics 1 }
set ytics nomirror scale 0
set xtics nomirror
set grid xtics lc rgb '#dde3e9' lw 1
set border 3 lc rgb '#57606a'
unset key
set style fill solid 0.9 noborder

plot datafile using ($2 / 2.0):0:($2 / 2.0):(0.35):ytic(1) with boxxyerror \
        lc rgb '#1d6fb8' notitle, \
     '' using 2:0:(sprintf(' %d', $2)) with labels left notitle

# Exposure: personal-data findings by type, split by where they were disclosed
# (1:1 direct messages, group messages, the owner's public tweets).
#
# Data (written by `dmaudit charts`): a TSV with the header
# "# type label dm group_dm tweet", one row per type that has findings.
# By hand:
#   gnuplot -e "datafile='charts/exposure.tsv'; outfile='e.svg'" scripts/exposure.gp
# Variables: datafile, outfile, fmt ('svg' or 'png').

if (!exists("datafile")) datafile = 'exposure.tsv'
if (!exists("fmt")) fmt = 'svg'
if (!exists("outfile")) outfile = 'exposure.' . fmt

set datafile separator "\t"
stats datafile using ($3 + $4 + $5) nooutput
n = STATS_records
ymax = STATS_max

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

set label 100 'Personal data found, by type and where it was disclosed' at screen 0.5, screen 0.955 center font ',15'
set tmargin 5.5
set xlabel 'type of personal data'
set ylabel 'findings (messages or tweets)'
set xrange [-0.6 - (n < 3 ? 1 : 0):n - 0.4 + (n < 3 ? 1 : 0)]
set yrange [0:ymax * 1.25 + 1]
if (ymax < 10) { set ytics 1 }
set xtics nomirror scale 0 rotate by -30
set ytics nomirror
set grid ytics lc rgb '#dde3e9' lw 1
set border 3 lc rgb '#57606a'
set key at screen 0.5, screen 0.9 center top horizontal
set style fill solid 0.9 border rgb '#ffffff'
set boxwidth 0.6

# stacked by hand: each series is drawn from the top of the one below it
plot datafile using 0:($3 + $4 + $5):xtic(2) with boxes lc rgb '#6a4c93' title 'public tweets', \
     '' using 0:($3 + $4) with boxes lc rgb '#e07b39' title 'group DMs', \
     '' using 0:3 with boxes lc rgb '#1d6fb8' title '1:1 DMs', \
     '' using 0:($3 + $4 + $5):(sprintf('%d', $3 + $4 + $5)) with labels offset 0,0.8 notitle

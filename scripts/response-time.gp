# Time to first response: how long the owner took to answer the conversations
# other people began, in spans of time; the span holding the median is marked.
#
# Data (written by `dmaudit charts`): a TSV with the header
# "# span from_seconds to_seconds conversations median_here median_seconds",
# one row per span, shortest first; median_here is 1 on the median's span and
# median_seconds repeats the median on every row.
# By hand:
#   gnuplot -e "datafile='charts/response-time.tsv'; outfile='rt.svg'" scripts/response-time.gp
# Variables: datafile, outfile, fmt ('svg' or 'png').

if (!exists("datafile")) datafile = 'response-time.tsv'
if (!exists("fmt")) fmt = 'svg'
if (!exists("outfile")) outfile = 'response-time.' . fmt

set datafile separator "\t"
stats datafile using 4:6 nooutput
n = STATS_records
ymax = STATS_max_x
median = STATS_max_y

# 45 s, 12 min, 3 h 05 min, 2 d 4 h
dur(s) = s < 60 ? sprintf('%d s', s) : \
	 s < 3600 ? sprintf('%d min', int(s / 60)) : \
	 s < 86400 ? sprintf('%d h %02d min', int(s / 3600), int(s / 60) % 60) : \
	 sprintf('%d d %d h', int(s / 86400), int(s / 3600) % 24)

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

set label 100 'Time to first response, conversations others began' at screen 0.5, screen 0.955 center font ',15'
set tmargin 5.5
set xlabel 'time from their first message to the owner''s first answer'
set ylabel 'conversations'
set xrange [-0.6:n - 0.4]
set yrange [0:ymax * 1.3 + 1]
if (ymax < 10) { set ytics 1 }
set xtics nomirror scale 0
set ytics nomirror
set grid ytics lc rgb '#dde3e9' lw 1
set border 3 lc rgb '#57606a'
set key at screen 0.5, screen 0.9 center top horizontal
set style fill solid 0.9 noborder
set boxwidth 0.7

plot datafile using 0:($5 > 0 ? 0 : $4):xtic(1) with boxes lc rgb '#1d6fb8' title 'conversations', \
     '' using 0:($5 > 0 ? $4 : 0) with boxes lc rgb '#e07b39' \
        title sprintf('the median, %s, falls here', dur(median)), \
     '' using 0:4:($4 > 0 ? sprintf('%d', $4) : '') with labels offset 0,0.8 notitle, \
     '' using 0:($5 > 0 ? $4 : NaN):(sprintf('median %s', dur(median))) with labels \
        offset 0,2.2 tc rgb '#b5541c' notitle

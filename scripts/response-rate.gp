# Response rate: the share of conversations people began that the owner
# answered, by the month the conversation began. Conversations begun by
# senders judged near-certainly automated are left out: they need no answer.
#
# Data (written by `dmaudit charts`): a TSV with the header
# "# month conversations answered answered_percent", one row per month
# YYYY-MM; answered_percent is NaN in months nobody began a conversation.
# By hand:
#   gnuplot -e "datafile='charts/response-rate.tsv'; outfile='rr.svg'" scripts/response-rate.gp
# Variables: datafile, outfile, fmt ('svg' or 'png'), tz (the zone months are in).

if (!exists("datafile")) datafile = 'response-rate.tsv'
if (!exists("fmt")) fmt = 'svg'
if (!exists("outfile")) outfile = 'response-rate.' . fmt
if (!exists("tz")) tz = 'UTC'

set datafile separator "\t"
stats datafile using 2 nooutput
n = STATS_records
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

set label 100 'Conversations people began that the owner answered' at screen 0.5, screen 0.955 center font ',15'
set tmargin 5.5
set xlabel sprintf('month the conversation began (%s)', tz)
set ylabel 'answered (% of conversations)'
set xrange [-0.6:n - 0.4]
set yrange [0:119]
set ytics 0,20,100 nomirror
set format y '%g%%'
set xtics rotate by -45 nomirror scale 0
set grid ytics lc rgb '#dde3e9' lw 1
set border 3 lc rgb '#57606a'
set key at screen 0.5, screen 0.9 center top horizontal
set style fill solid 0.9 noborder
set boxwidth 0.7

# each bar is labelled "answered/conversations" while there is room for it
plot datafile using 0:4:xtic(int($0) % step == 0 ? strcol(1) : '') with boxes \
        lc rgb '#1d6fb8' title 'answered', \
     '' using 0:($4 == $4 ? $4 : 0):(step == 1 && n <= 30 && $2 > 0 ? \
        sprintf('%d/%d', $3, $2) : '') with labels offset 0,0.8 font ',9' notitle, \
     '' using 0:($2 > 0 && $3 == 0 ? 1.5 : NaN) with points pt 7 ps 0.6 lc rgb '#c0392b' \
        title 'none answered (0%)', \
     '' using 0:($2 == 0 ? 1.5 : NaN) with points pt 6 ps 0.6 lc rgb '#8c959f' \
        title 'nobody began a conversation'

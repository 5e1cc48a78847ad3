/*
 * chart_draw: gnuplot run on each chart's TSV, without a shell, and the
 * SVGs it drew placed in a page as figures, made safe by svg.h (charts.h).
 * The data is chart_data.c.
 */
#include "charts.h"
#include "buf.h"
#include "exitcode.h"
#include "html.h"
#include "svg.h"
#include "xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

#ifndef DMAUDIT_SHARE
#define DMAUDIT_SHARE "/usr/local/share/dmaudit"
#endif

/* ---- gnuplot ---- */

static bool has_script(const char *dir)
{
	char *p = xasprintf("%s/volume.gp", dir);
	bool ok = access(p, R_OK) == 0;
	free(p);
	return ok;
}

char *charts_scripts_dir(void)
{
	const char *env = getenv("DMAUDIT_SCRIPTS");
	if (env && *env)
		return xstrdup(env);
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash)
			*slash = '\0';
		/* ./dmaudit, build/asan/dmaudit, PREFIX/bin/dmaudit */
		static const char *const rel[] = { "scripts", "../scripts", "../../scripts",
						   "../share/dmaudit" };
		for (size_t i = 0; i < sizeof(rel) / sizeof(rel[0]); i++) {
			char *d = xasprintf("%s/%s", exe, rel[i]);
			if (has_script(d))
				return d;
			free(d);
		}
	}
	if (has_script(DMAUDIT_SHARE))
		return xstrdup(DMAUDIT_SHARE);
	return NULL;
}

char *charts_gnuplot(void)
{
	const char *env = getenv("GNUPLOT");
	if (env && *env)
		return access(env, X_OK) == 0 ? xstrdup(env) : NULL;
	const char *path = getenv("PATH");
	if (!path)
		path = "/usr/bin:/bin";
	while (*path) {
		size_t n = strcspn(path, ":");
		char *p = n ? xasprintf("%.*s/gnuplot", (int)n, path) : xstrdup("./gnuplot");
		struct stat sb;
		if (stat(p, &sb) == 0 && S_ISREG(sb.st_mode) && access(p, X_OK) == 0)
			return p;
		free(p);
		path += n;
		if (*path == ':')
			path++;
	}
	return NULL;
}

/* A gnuplot string literal: single quotes, a quote inside doubled. */
static void gp_string(struct buf *b, const char *s)
{
	buf_addc(b, '\'');
	for (; *s; s++) {
		if (*s == '\'')
			buf_addc(b, '\'');
		buf_addc(b, *s);
	}
	buf_addc(b, '\'');
}

/* The first line gnuplot printed on stderr, for a one-line failure note. */
static void first_error_line(const char *path, char *out, size_t size)
{
	FILE *f = fopen(path, "r");
	char line[512];
	out[0] = '\0';
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\r\n")] = '\0';
		if (line[strspn(line, " \t^")] == '\0' || !strncmp(line, "Warning", 7))
			continue;
		snprintf(out, size, "%s", line + strspn(line, " \t"));
		if (strstr(line, "line ") || strstr(line, "rror"))
			break;
	}
	fclose(f);
}

static int run_gnuplot(const char *gnuplot, const char *script, const char *data,
		       const char *outfile, const char *fmt, const char *tz, const char *errlog,
		       char *note, size_t note_size)
{
	struct buf vars = BUF_INIT;
	buf_adds(&vars, "datafile=");
	gp_string(&vars, data);
	buf_adds(&vars, "; outfile=");
	gp_string(&vars, outfile);
	buf_adds(&vars, "; fmt=");
	gp_string(&vars, fmt);
	buf_adds(&vars, "; tz=");
	gp_string(&vars, tz ? tz : "UTC");
	char *argv[] = { (char *)"gnuplot", (char *)"-e", vars.s, (char *)script, NULL };

	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, errlog, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	pid_t pid;
	int e = posix_spawn(&pid, gnuplot, &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	buf_release(&vars);
	if (e) {
		snprintf(note, note_size, "cannot run '%s': %s", gnuplot, strerror(e));
		return -1;
	}
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			snprintf(note, note_size, "lost gnuplot: %s", strerror(errno));
			return -1;
		}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	char line[200];
	first_error_line(errlog, line, sizeof(line));
	snprintf(note, note_size, "gnuplot failed on '%s'%s%s", script, line[0] ? ": " : "",
		 line);
	return -1;
}

int charts_draw(struct charts *cs, const char *dir, const char *fmt, const char *tz)
{
	char *gnuplot = charts_gnuplot();
	if (!gnuplot) {
		cs->no_gnuplot = true;
		return 0;
	}
	char *scripts = charts_scripts_dir();
	int failed = 0;
	char *errlog = xasprintf("%s/.gnuplot-errors", dir);
	for (size_t i = 0; i < cs->n; i++) {
		struct chart *c = &cs->c[i];
		if (c->state != CHART_DATA)
			continue;
		if (!scripts) {
			snprintf(c->note, sizeof(c->note), "the gnuplot scripts were not found; "
				 "set DMAUDIT_SCRIPTS to the folder that holds %s.gp", c->name);
			c->state = CHART_FAILED;
			failed++;
			continue;
		}
		char *script = xasprintf("%s/%s.gp", scripts, c->name);
		char *data = xasprintf("%s/%s.tsv", dir, c->name);
		char *out = xasprintf("%s/%s.%s", dir, c->name, fmt);
		if (cs->db && store_is_file(cs->db, out)) {
			snprintf(c->note, sizeof(c->note), "'%s' is the database; not overwritten",
				 out);
			c->state = CHART_FAILED;
			failed++;
		} else if (run_gnuplot(gnuplot, script, data, out, fmt, tz, errlog, c->note,
				sizeof(c->note))) {
			c->state = CHART_FAILED;
			failed++;
		} else {
			c->state = CHART_DRAWN;
		}
		free(script);
		free(data);
		free(out);
	}
	unlink(errlog);
	free(errlog);
	free(scripts);
	free(gnuplot);
	return failed;
}

char *charts_svg_inline(const char *path, const char *prefix, struct err *err)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		err_set(err, EXIT_IO, "'%s': cannot read the chart: %s", path, strerror(errno));
		return NULL;
	}
	struct buf in = BUF_INIT;
	char chunk[8192];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0 && in.len < (16u << 20))
		buf_add(&in, chunk, n);
	bool bad = ferror(f);
	fclose(f);
	if (bad || in.len >= (16u << 20)) {
		err_set(err, EXIT_IO, "'%s': cannot read the chart", path);
		buf_release(&in);
		return NULL;
	}
	const char *why = NULL;
	char *out = svg_sanitize(in.s, in.len, prefix, &why);
	buf_release(&in);
	if (!out)
		err_set(err, EXIT_IO, "'%s': %s", path, why);
	return out;
}

void charts_remove(const struct charts *cs, const char *dir, const char *fmt)
{
	for (size_t i = 0; i < cs->n; i++) {
		char *p = xasprintf("%s/%s.tsv", dir, cs->c[i].name);
		unlink(p);
		free(p);
		p = xasprintf("%s/%s.%s", dir, cs->c[i].name, fmt);
		unlink(p);
		free(p);
	}
	char *p = xasprintf("%s/.gnuplot-errors", dir);
	unlink(p);
	free(p);
	rmdir(dir);
}

static void figure_note(struct doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void figure_note(struct doc *d, const char *fmt, ...)
{
	struct buf text = BUF_INIT, html = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vaddf(&text, fmt, ap);
	va_end(ap);
	buf_adds(&html, "<p class=\"none\">");
	html_escape(&html, text.s, text.len);
	buf_adds(&html, "</p>");
	doc_html(d, html.s);
	buf_release(&text);
	buf_release(&html);
}

/*
 * The SVG with gnuplot's own <title>Gnuplot</title> (what a browser shows
 * on hover, and screen readers read) made the chart's caption.
 */
static void add_titled(struct buf *html, const char *svg, const char *caption)
{
	static const char gp[] = "<title>Gnuplot</title>";
	const char *at = strstr(svg, gp);
	if (!at) {
		buf_adds(html, svg);
		return;
	}
	buf_add(html, svg, (size_t)(at - svg));
	buf_adds(html, "<title>");
	html_escape(html, caption, strlen(caption));
	buf_adds(html, "</title>");
	buf_adds(html, at + strlen(gp));
}

void charts_figures(const struct charts *cs, const char *dir, const char *kind,
		    struct doc *d)
{
	bool heading = false;
	for (size_t i = 0; i < cs->n; i++) {
		const struct chart *c = &cs->c[i];
		/* a chart of one bar answers nothing a sentence would not */
		if (strcmp(c->kind, kind) || c->state == CHART_SKIPPED || c->rows < 2)
			continue;
		if (!heading && !cs->no_gnuplot)
			doc_heading(d, 3, "Charts");
		heading = true;
		if (cs->no_gnuplot)
			continue;
		if (c->state != CHART_DRAWN) {
			figure_note(d, "The %s chart could not be drawn: %s.", c->name, c->note);
			continue;
		}
		char *path = xasprintf("%s/%s.svg", dir, c->name);
		char prefix[32];
		snprintf(prefix, sizeof(prefix), "chart%zu-", i);
		struct err e = ERR_INIT;
		char *svg = charts_svg_inline(path, prefix, &e);
		free(path);
		if (!svg) {
			figure_note(d, "The %s chart was left out: %s.", c->name, e.msg);
			continue;
		}
		struct buf html = BUF_INIT;
		buf_addf(&html, "<figure id=\"chart-%s\">\n", c->name);
		add_titled(&html, svg, c->caption);
		buf_adds(&html, "\n<figcaption>");
		html_escape(&html, c->caption, strlen(c->caption));
		buf_adds(&html, "</figcaption>\n</figure>");
		doc_html(d, html.s);
		buf_release(&html);
		free(svg);
	}
}

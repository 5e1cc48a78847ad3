/*
 * dmaudit: audit the direct messages of a Twitter/X data archive, offline.
 * main() holds the command table and the options common to all commands.
 */
#include "cmd.h"
#include "exitcode.h"
#include "jarena.h"
#include "version.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static const struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
} commands[] = {
	{ "ingest", cmd_ingest, "read one or more archives (ZIP or folder) into the database" },
	{ "report", cmd_report, "write a report: summary, autodm, etiquette, exposure or all" },
	{ "charts", cmd_charts, "draw charts with gnuplot from the database" },
	{ "search", cmd_search, "find messages and tweets by their words, newest first" },
	{ "show", cmd_show, "read one conversation as a thread, oldest first" },
	{ "snapshots", cmd_snapshots, "list the ingested archives with their dates and counts" },
};

static void usage(FILE *out)
{
	fputs("usage: dmaudit COMMAND [OPTIONS] [ARGS]\n"
	      "       dmaudit --help | --version | COMMAND --help\n\n"
	      "Audit the direct messages of a Twitter/X data archive, offline.\n\n"
	      "Commands:\n",
	      out);
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fputs("\nTypical use:\n"
	      "  dmaudit ingest twitter-2021-12-15-abc.zip\n"
	      "  dmaudit report all --format html -o audit.html\n\n"
	      "Exit status: 0 success, 1 wrong usage, 2 unusable input, 3 database or I/O failure.\n",
	      out);
}

int cmd_close_stdout(void)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "dmaudit: cannot write the output: %s\n",
			errno ? strerror(errno) : "write error");
		return EXIT_IO;
	}
	return EXIT_OK;
}

int main(int argc, char **argv)
{
	/* Everything dmaudit creates (database, journal, reports) is the owner's alone. */
	umask(077);
	/* A file size limit must fail a write (exit 3), not kill the process. */
	signal(SIGXFSZ, SIG_IGN);
	/* jansson's allocations are tagged from the first one (reports build in arenas) */
	jarena_install();

	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
		usage(stdout);
		return cmd_close_stdout();
	}
	if (!strcmp(argv[1], "--version")) {
		printf("dmaudit %s\n", DMAUDIT_VERSION);
		return cmd_close_stdout();
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(argv[1], commands[i].name)) {
			int rc = commands[i].fn(argc - 1, argv + 1);
			int out = cmd_close_stdout();
			return rc ? rc : out;
		}
	fprintf(stderr, "dmaudit: '%s' is not a command; see 'dmaudit --help'\n", argv[1]);
	return EXIT_USAGE;
}

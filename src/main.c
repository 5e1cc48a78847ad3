/*
 * dmaudit: audit the direct messages of a Twitter/X data archive, offline.
 * main() holds the command table and the options common to all commands.
 */
#include "cmd.h"
#include "exitcode.h"
#include "suggest.h"

#include <errno.h>
#include <getopt.h>
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

#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static void usage(FILE *out)
{
	fputs("usage: dmaudit COMMAND [OPTIONS] [ARGS]\n"
	      "       dmaudit --help | --version | help COMMAND | COMMAND --help\n\n"
	      "Audit the direct messages of a Twitter/X data archive, offline.\n\n"
	      "Commands:\n",
	      out);
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fputs("\nTypical use:\n"
	      "  dmaudit ingest twitter-2021-12-15-abc.zip\n"
	      "  dmaudit report all --format html -o audit.html\n\n"
	      "Exit status: 0 success, 1 wrong usage, 2 unusable input, 3 database or I/O failure,\n"
	      "128+N an ingest stopped by signal N. See 'dmaudit help COMMAND' and man dmaudit.\n",
	      out);
}

static const struct command *find_command(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (!strcmp(name, commands[i].name))
			return &commands[i];
	return NULL;
}

/* One line on stderr for a word that is no command, with git's "did you mean". */
static int not_a_command(const char *word)
{
	struct suggest sg;
	char hint[256];
	suggest_init(&sg, word);
	for (size_t i = 0; i < NCOMMANDS; i++)
		suggest_add(&sg, commands[i].name);
	suggest_add(&sg, "help");
	suggest_text(&sg, hint, sizeof(hint));
	if (hint[0])
		fprintf(stderr, "dmaudit: '%s' is not a command.%s\n", word, hint);
	else
		fprintf(stderr, "dmaudit: '%s' is not a command; see 'dmaudit --help'\n", word);
	return EXIT_USAGE;
}

/* Misuse gets one short line on stderr, the commands listed from the table. */
static int no_command(void)
{
	fputs("dmaudit: no command given; usage: dmaudit COMMAND [OPTIONS] [ARGS], COMMAND one of",
	      stderr);
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(stderr, "%s %s", i ? "," : "", commands[i].name);
	fputs(" (see 'dmaudit --help')\n", stderr);
	return EXIT_USAGE;
}

/* `dmaudit help COMMAND` is `dmaudit COMMAND --help`, whatever the command. */
static int help(int argc, char **argv)
{
	if (argc < 3) {
		usage(stdout);
		return cmd_close_stdout();
	}
	if (argc > 3)
		return cmd_usage_error("help", "one command at a time, not '%s'", argv[3]);
	if (!strcmp(argv[2], "help")) {
		usage(stdout);
		return cmd_close_stdout();
	}
	const struct command *c = find_command(argv[2]);
	if (!c)
		return not_a_command(argv[2]);
	char help_opt[] = "--help";
	char *args[] = { argv[2], help_opt, NULL };
	int rc = c->fn(2, args);
	int out = cmd_close_stdout();
	return rc ? rc : out;
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
	/* the commands say what is wrong with their options themselves (cmd_bad_option) */
	opterr = 0;

	if (argc < 2)
		return no_command();
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		usage(stdout);
		return cmd_close_stdout();
	}
	if (!strcmp(argv[1], "help"))
		return help(argc, argv);
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
		cmd_print_versions(stdout);
		return cmd_close_stdout();
	}
	if (argv[1][0] == '-') {
		fprintf(stderr, "dmaudit: unknown option '%s'; see 'dmaudit --help'\n", argv[1]);
		return EXIT_USAGE;
	}
	const struct command *c = find_command(argv[1]);
	if (!c)
		return not_a_command(argv[1]);
	int rc = c->fn(argc - 1, argv + 1);
	int out = cmd_close_stdout();
	return rc ? rc : out;
}

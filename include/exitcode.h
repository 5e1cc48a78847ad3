/*
 * exitcode: the process exit statuses of the command-line contract, declared
 * once. Lower layers return these as error codes inside struct err; only
 * main() turns them into the process status.
 */
#ifndef DMAUDIT_EXITCODE_H
#define DMAUDIT_EXITCODE_H

enum exit_code {
	EXIT_OK = 0,    /* success */
	EXIT_USAGE = 1, /* wrong usage */
	EXIT_INPUT = 2, /* unusable input: not an archive, damaged, other account */
	EXIT_IO = 3,    /* database or I/O failure */
	EXIT_SIGNAL = 128, /* + the signal's number: an ingest stopped by a signal, rolled back */
};

#endif

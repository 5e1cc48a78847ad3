/*
 * months: values by calendar month, over a continuous span of months.
 *
 * A month is its key, year * 12 + month - 1, in the zone tz_set() chose
 * (UTC by default). A span holds one cell of a fixed size per month from
 * its first month to its last, zeroed when the span grows to reach it; the
 * caller says what a cell is (counts of several series for a chart, the
 * response times of etiquette's by-month table). Cells move when the span
 * grows at its start: hold keys, not pointers.
 */
#ifndef DMAUDIT_MONTHS_H
#define DMAUDIT_MONTHS_H

#include <stddef.h>
#include <stdint.h>

int month_key(int64_t ms);
/* "2024-03" */
void month_key_name(int key, char out[16]);

struct months {
	int first, last;     /* keys, inclusive; first > last while empty */
	size_t size;         /* bytes of a cell */
	unsigned char *v;
};

void months_init(struct months *m, size_t cell_size);
/* The cell of month key, the span grown to it when it is outside. */
void *months_cell(struct months *m, int key);
/* Months from first to last, and the i-th of them (key first + i). */
size_t months_count(const struct months *m);
void *months_at(const struct months *m, size_t i);
void months_release(struct months *m);

#endif

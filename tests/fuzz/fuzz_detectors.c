/*
 * libFuzzer target: the text detectors on arbitrary bytes. The personal-data
 * scanner and its redaction, the tone scanner, and the auto-DM text pipeline
 * (normalize, slot, tokens, MinHash). Checks the scanner's own promises:
 * matches in order, inside the text, not overlapping.
 */
#include "buf.h"
#include "pii.h"
#include "text.h"
#include "tone.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	struct pii_match m[64];
	size_t n = pii_scan(text, size, m, 64);
	size_t kept = n < 64 ? n : 64;
	for (size_t i = 0; i < kept; i++) {
		if (m[i].start >= m[i].end || m[i].end > size || (unsigned)m[i].type >= PII__COUNT)
			abort();
		if (i && m[i].start < m[i - 1].end)
			abort();
		struct buf r = BUF_INIT;
		pii_redact_value(m[i].type, text + m[i].start, m[i].end - m[i].start, &r);
		buf_release(&r);
	}
	struct buf red = BUF_INIT;
	pii_redact_text(text, size, &red);
	buf_release(&red);

	size_t ds, de;
	int year;
	if (pii_full_date(text, size, &ds, &de, &year) && (ds >= de || de > size))
		abort();

	struct tone_hit hit;
	tone_scan(text, size, &hit);

	struct buf norm = BUF_INIT, slotted = BUF_INIT;
	static const char *const names[] = { "northwind", "amara" };
	text_normalize(text, size, &norm);
	text_slot(norm.s, names, 2, &slotted, NULL);
	text_tokens(slotted.s);
	uint32_t sig[TEXT_MINHASH_K];
	text_minhash(slotted.s, sig);
	buf_release(&norm);
	buf_release(&slotted);
	return 0;
}

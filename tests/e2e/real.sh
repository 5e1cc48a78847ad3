# The detectors on the hand-labelled real corpus (tests/real/*.labels): every
# archive's precision and recall for automated senders, the owner's own
# auto-DMs and personal data stay at or above tests/real/floors.tsv. The
# table of figures is printed as comments; no message text is.
. "$TOP/tests/e2e/lib.sh"
if ! have_fixtures "the detectors on the labelled real corpus"; then finish; exit; fi
if python3 "$TOP/scripts/measure-real" --dmaudit "$DMAUDIT" --fixtures "$FIXTURES" \
	--labels "$TOP/tests/real" --check --tap >real.out 2>real.err; then
	ok "real corpus: every archive at or above its floors"
else
	fail "real corpus: an archive fell below its floors ($(grep -c '^not ok' real.out) of them)"
fi
cat real.out
[ -s real.err ] && sed 's/^/# /' real.err | head -5
finish

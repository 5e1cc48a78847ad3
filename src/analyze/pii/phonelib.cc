/*
 * phonelib: libphonenumber behind a C interface (phonelib.h). The one C++
 * file of dmaudit; every exception stops here.
 */
#include "phonelib.h"

#include <phonenumbers/phonenumberutil.h>

#include <string>

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

extern "C" enum phonelib_verdict phonelib_check(const char *d, size_t n, const char *cc,
						enum phonelib_kind *kind)
{
	*kind = PHONELIB_OTHER;
	try {
		const PhoneNumberUtil *u = PhoneNumberUtil::GetInstance();
		PhoneNumber pn;
		std::string region(cc, 2);
		if (u->Parse(std::string(d, n), region, &pn) != PhoneNumberUtil::NO_PARSING_ERROR)
			return PHONELIB_NO;
		/* digits read as an international call ("00 44 …", "010 1 …" in
		 * Japan) belong to another region: not a national form of this one */
		if (pn.country_code() != u->GetCountryCodeForRegion(region))
			return PHONELIB_NO;
		if (u->IsValidNumberForRegion(pn, region)) {
			switch (u->GetNumberType(pn)) {
			case PhoneNumberUtil::FIXED_LINE:
				*kind = PHONELIB_FIXED;
				break;
			case PhoneNumberUtil::MOBILE:
			case PhoneNumberUtil::FIXED_LINE_OR_MOBILE:
				*kind = PHONELIB_MOBILE;
				break;
			default:
				break;
			}
			return PHONELIB_VALID;
		}
		switch (u->IsPossibleNumberWithReason(pn)) {
		case PhoneNumberUtil::IS_POSSIBLE:
			return PHONELIB_POSSIBLE;
		case PhoneNumberUtil::IS_POSSIBLE_LOCAL_ONLY:
			return PHONELIB_LOCAL;
		default:
			return PHONELIB_NO;
		}
	} catch (...) {
		return PHONELIB_NO;
	}
}

extern "C" int phonelib_region(int calling_code, char out[3])
{
	try {
		std::string r;
		PhoneNumberUtil::GetInstance()->GetRegionCodeForCountryCode(calling_code, &r);
		if (r.size() != 2 || r == "ZZ")
			return -1;
		out[0] = r[0];
		out[1] = r[1];
		out[2] = '\0';
		return 0;
	} catch (...) {
		return -1;
	}
}

extern "C" bool phonelib_known_region(const char *cc)
{
	try {
		return PhoneNumberUtil::GetInstance()->GetCountryCodeForRegion(cc) != 0;
	} catch (...) {
		return false;
	}
}

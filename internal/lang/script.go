package lang

import "unicode"

// Script is the writing system of a word or text.
type Script uint8

// Scripts tolmach tells apart.
const (
	OtherScript Script = iota
	Cyrillic
	Latin
)

// Lang is a language code as tolmach uses it: "ru" or "en".
type Lang string

// The languages tolmach works between.
const (
	RU Lang = "ru"
	EN Lang = "en"
)

// Name returns the language's English name for messages to people
// ("Russian", "English"); a code other than ru and en is returned as it
// is.
func (l Lang) Name() string {
	switch l {
	case RU:
		return "Russian"
	case EN:
		return "English"
	}
	return string(l)
}

// ScriptOf returns the script most letters of s are written in.
func ScriptOf(s string) Script {
	var cyr, lat int
	for _, r := range s {
		switch {
		case r < 0x80:
			if (r|0x20) >= 'a' && (r|0x20) <= 'z' {
				lat++
			}
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
		case unicode.Is(unicode.Latin, r):
			lat++
		}
	}
	switch {
	case cyr == 0 && lat == 0:
		return OtherScript
	case cyr >= lat:
		return Cyrillic
	default:
		return Latin
	}
}

// Detect returns the language of a text or segment by its script:
// RU for mostly Cyrillic, EN for mostly Latin, "" when it has no letters.
func Detect(s string) Lang {
	switch ScriptOf(s) {
	case Cyrillic:
		return RU
	case Latin:
		return EN
	}
	return ""
}

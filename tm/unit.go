package tm

import (
	"hash/fnv"
	"sort"
	"strings"
	"time"

	"tolmach/internal/lang"
)

// Unit is one translation unit: the same text in several languages, with
// the metadata CAT tools keep beside it.
type Unit struct {
	ID       string    // tuid in TMX; may be empty
	Segments []Segment // one or more per language, in file order
	SrcLang  string    // the unit's source language, if the file says
	Document string    // the source document the unit came from, if known
	Created  time.Time // zero when unknown
	Changed  time.Time // zero when unknown
	Creator  string
	Changer  string
	Notes    []string
	Props    []Prop
}

// Segment is the text of a unit in one language.
type Segment struct {
	Lang string // normalised language code (see [NormLang]): ru, en-US
	// Text is the plain text used for matching and display: inline codes
	// (<bpt>, <ept>, <ph>, <it>, <ut>) are left out, the content of <hi>
	// is kept.
	Text string
	// Markup is the inner XML of the TMX <seg> when it held inline
	// elements, kept so that export writes the codes back; "" for plain
	// text.
	Markup string
}

// Prop is a TMX <prop>: a typed, tool-defined property.
type Prop struct {
	Type  string
	Value string
	Lang  string
}

// Segment returns the first segment of u whose language is lang or a
// regional variant of it (lang "en" finds "en-GB"), and whether there is
// one.
func (u *Unit) Segment(lang string) (Segment, bool) {
	base := BaseLang(lang)
	for _, s := range u.Segments {
		if s.Lang == lang {
			return s, true
		}
	}
	for _, s := range u.Segments {
		if BaseLang(s.Lang) == base {
			return s, true
		}
	}
	return Segment{}, false
}

// Key returns the deduplication key of u: a 64-bit hash of the visible
// forms ([lang.VisibleForm]) of all its segments with their base
// languages, in language order. Two units with equal keys hold the same
// text in the same languages, up to Unicode normalisation and white
// space, which a translator cannot see; units that differ in case,
// inflection, punctuation or quotes are distinct translations and both
// kept ("Commands"/«Команды» is not "Command"/«Команда»).
func (u *Unit) Key() uint64 {
	parts := make([]string, 0, len(u.Segments))
	for _, s := range u.Segments {
		parts = append(parts, BaseLang(s.Lang)+"\x00"+lang.VisibleForm(s.Text))
	}
	return keyOf(parts)
}

// keyOf hashes the language-tagged visible forms of a unit's segments.
func keyOf(parts []string) uint64 {
	sort.Strings(parts)
	h := fnv.New64a()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0xff})
	}
	return h.Sum64()
}

// NormLang returns a language code in the usual case (see
// [lang.NormTag]): RU-RU, ru_ru → ru-RU, EN → en; *all* is kept.
func NormLang(code string) string { return lang.NormTag(code) }

// BaseLang returns the language subtag of a code, in lower case:
// ru-RU → ru.
func BaseLang(code string) string {
	if i := strings.IndexAny(code, "-_"); i >= 0 {
		code = code[:i]
	}
	return strings.ToLower(code)
}

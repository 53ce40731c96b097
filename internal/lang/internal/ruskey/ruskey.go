// Package ruskey holds the parts of the Russian matching key that both
// package lang (at run time) and the morphgen generator (at development
// time) must compute identically: the Snowball fallback and the mark of
// adjectival keys. Keeping them in one place is what makes the generated
// table and the run-time fallback agree.
package ruskey

import (
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/russian"
)

// AdjMark ends the key of a word the dictionary knows as an adjective
// when a noun or verb of the dictionary has the same Snowball stem.
// Snowball gives безопасный and безопасность, открытый and открытие,
// длинный and длина one stem; the mark keeps an adjective and the noun it
// derives from (or that derives from it) apart, which halves the
// collisions among frequent lemmas.
const AdjMark = "_"

// SplitMark ends the key the dictionary table gives a word when the
// string it would otherwise key as is already the key of a different
// word (see morphgen's splitKeys). It never ends a Snowball stem, so the
// words it marks cannot meet a word the dictionary does not know.
const SplitMark = "~"

// Snowball returns the Russian Snowball stem of a folded word, except that
// the derivational suffix -ость is kept: Snowball strips it, so
// возможность and возможный would otherwise share a key.
func Snowball(w string) string {
	env := snowballstem.NewEnv(w)
	russian.Stem(env)
	s := env.Current()
	if len(s) < len(w) && strings.HasPrefix(w, s) && strings.HasPrefix(w[len(s):], "ост") {
		s += "ост"
	}
	return s
}

// Rules switches the rules Fallback applies to words the dictionary does
// not know; morphgen measures each (-eval) and the table is built with
// [DefaultRules], which Fallback uses.
type Rules struct {
	// Surnames keeps a final -ов/-ев: a word the dictionary does not know
	// that ends so is often a surname or place (Лавров, Азимов), whose
	// other forms (Лаврова, Лавровым) Snowball stems to the whole
	// nominative. Measured and left off: it splits as many unknown
	// genitive plurals (блогеров) as it joins surnames.
	Surnames bool
	// FleetingE restores the fleeting е of an unknown -ец noun (богемцы →
	// богемец, сомалийцев → сомалиец), as the dictionary does for known
	// ones.
	FleetingE bool
}

// DefaultRules are the rules the shipped table and Fallback use.
var DefaultRules = Rules{FleetingE: true}

// Fallback returns the key of a folded Russian word the dictionary table
// has no entry for.
func Fallback(w string) string { return FallbackWith(w, DefaultRules) }

// FallbackWith is Fallback with chosen rules, for measuring them.
func FallbackWith(w string, r Rules) string {
	if r.Surnames && (strings.HasSuffix(w, "ов") || strings.HasSuffix(w, "ев")) && utf8.RuneCountInString(w) >= 5 {
		return w
	}
	s := Snowball(w)
	if r.FleetingE && strings.HasSuffix(s, "ц") && utf8.RuneCountInString(s) >= 5 {
		body := s[:len(s)-len("ц")]
		prev, size := utf8.DecodeLastRuneInString(body)
		switch {
		case prev == 'й' || prev == 'ь':
			return body[:len(body)-size] + "ец"
		case !strings.ContainsRune("аеиоуыэюяё", prev):
			return body + "ец"
		}
	}
	return s
}

// Package ruskey holds the parts of the Russian matching key that both
// package lang (at run time) and the morphgen generator (at development
// time) must compute identically: the Snowball fallback and the mark of
// adjectival keys. Keeping them in one place is what makes the generated
// table and the run-time fallback agree.
package ruskey

import (
	"strings"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/russian"
)

// AdjMark ends the key of every word the dictionary knows as an
// adjective. Snowball gives безопасный and безопасность, открытый and
// открытие, длинный and длина one stem; the mark keeps an adjective and
// the noun it derives from (or that derives from it) apart, which halves
// the collisions among frequent lemmas.
const AdjMark = "_"

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

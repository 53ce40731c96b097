package lang

import (
	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/english"
	"github.com/blevesearch/snowballstem/russian"
)

// Stem returns the stem of a folded word (see [Fold]): Russian Snowball
// for Cyrillic words, English Snowball for Latin ones, the word itself
// otherwise. The stemmer follows the word's script, not the text's
// language, so Latin names inside Russian text stem as English.
func Stem(folded string) string {
	switch ScriptOf(folded) {
	case Cyrillic:
		env := snowballstem.NewEnv(folded)
		russian.Stem(env)
		return env.Current()
	case Latin:
		if len(folded) <= 2 {
			return folded
		}
		env := snowballstem.NewEnv(folded)
		english.Stem(env)
		return env.Current()
	}
	return folded
}

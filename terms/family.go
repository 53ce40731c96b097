package terms

import (
	"slices"

	"tolmach/internal/lang"
)

// A name and the adjectives made from it are one family: Эстония,
// эстонский; Estonia, Estonian. Translation moves between them all the
// time — «сборная Эстонии» is "the Estonian national team", "Syria's
// Tartus" is «сирийский Тартус», "Bangladeshi minister" is «министр
// Бангладеш» — so a name's occurrences rendered by the other language's
// adjective look, to segment co-occurrence, like occurrences left
// untranslated, and a country named a few times falls among the pairs
// seen by chance. Pairing two names, Mine therefore counts each name's
// family: a segment holding the adjective holds the name.

// families maps the words of one language that are adjectives of a
// single-word name phrase of pt to those phrases (word id → phrase ids),
// by lang.Demonym. The names are looked up by the first three letters of
// their stems, which an adjective shares.
func families(pt *phraseTable, voc *vocab) map[uint32][]uint32 {
	type name struct {
		stem   string
		phrase uint32
	}
	byStart := map[string][]name{}
	for p, w := range pt.nameWord {
		if s := lang.NameStem(voc.keys[w]); s != "" {
			byStart[firstRunes(s, 3)] = append(byStart[firstRunes(s, 3)], name{s, p})
		}
	}
	if len(byStart) == 0 {
		return nil
	}
	out := map[uint32][]uint32{}
	for id, key := range voc.keys {
		if !lang.DemonymLike(key) {
			continue
		}
		for _, n := range byStart[firstRunes(key, 3)] {
			if pt.nameWord[n.phrase] != uint32(id) && lang.Demonym(n.stem, key) {
				out[uint32(id)] = append(out[uint32(id)], n.phrase)
			}
		}
	}
	return out
}

// firstRunes returns the first n runes of s (all of it when shorter).
func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// famPair is what the families add to a pair of names: the segment pairs
// where both are present but one only by an adjective (n), and of those,
// where the Russian (r) or the English (e) name is.
type famPair struct{ n, r, e int32 }

// countFamilies counts, over the segment pairs where an adjective of a
// name stands, what the families add to each pair of names (see famPair).
// An adjective counts only where the other language names its partner:
// alone, it might stand for a name whose other-language adjective is
// irregular (швейцарский beside "Swiss", not "Switzerland") and is no
// evidence either way.
func countFamilies(tk *tokenized, ru, en *phraseTable) map[uint64]famPair {
	out := map[uint64]famPair{}
	famR, famE := families(ru, tk.voc), families(en, tk.voc)
	if len(famR) == 0 && len(famE) == 0 {
		return out
	}
	// member is a name present in a segment, in its own word or only by
	// an adjective.
	type member struct {
		p      uint32
		direct bool
	}
	// direct lists the names among a segment's phrases.
	direct := func(per []uint32, pt *phraseTable, out []member) []member {
		for _, p := range per {
			if pt.isName(p) {
				out = append(out, member{p, true})
			}
		}
		return out
	}
	// present lists the names of one side present in a segment, directly
	// or by an adjective (then marked so), when an adjective is there.
	present := func(ws []word, per []uint32, pt *phraseTable, fam map[uint32][]uint32, out []member) ([]member, bool) {
		out = out[:0]
		for _, w := range ws {
			for _, p := range fam[w.id] {
				out = append(out, member{p, false})
			}
		}
		if len(out) == 0 {
			return out, false
		}
		out = direct(per, pt, out)
		// One entry per name, direct if any occurrence is.
		m := out[:0]
		for _, x := range out {
			k := slices.IndexFunc(m, func(y member) bool { return y.p == x.p })
			switch {
			case k < 0:
				m = append(m, x)
			case x.direct:
				m[k].direct = true
			}
		}
		return m, true
	}
	var mr, me []member
	for i := range tk.ru {
		var dr, de bool
		mr, dr = present(tk.ru[i].words, ru.per[i], ru, famR, mr)
		me, de = present(tk.en[i].words, en.per[i], en, famE, me)
		if !dr && !de {
			continue
		}
		// A side without adjectives: its names as they are.
		if !dr {
			mr = direct(ru.per[i], ru, mr[:0])
		}
		if !de {
			me = direct(en.per[i], en, me[:0])
		}
		for _, r := range mr {
			for _, e := range me {
				if r.direct && e.direct {
					continue
				}
				k := pairKey(r.p, e.p)
				x := out[k]
				x.n++
				if !r.direct {
					x.r++
				}
				if !e.direct {
					x.e++
				}
				out[k] = x
			}
		}
	}
	return out
}

package terms

import "sort"

// span is a candidate phrase of a segment: words [i, j).
type span struct{ i, j int }

// hashSpan returns the phrase hash of words[i:j]: a hash of their key ids,
// so phrases compare by matching key without building strings.
func hashSpan(ws []word, i, j int) uint64 {
	h := uint64(j-i) * 0x9E3779B97F4A7C15
	for k := i; k < j; k++ {
		h ^= uint64(ws[k].id) + 0x9E3779B97F4A7C15 + (h << 6) + (h >> 2)
		h *= 0xBF58476D1CE4E5B9
	}
	return h ^ (h >> 31)
}

// hashIDs hashes a sequence of key ids as hashSpan does.
func hashIDs(ids []uint32) uint64 {
	ws := make([]word, len(ids))
	for i, id := range ids {
		ws[i].id = id
	}
	return hashSpan(ws, 0, len(ws))
}

// spans calls fn for every candidate phrase of a segment: one to maxWords
// words within one stretch of text without punctuation, no number in it
// (nor, in English, a word in Cyrillic: Russian left untranslated),
// neither beginning nor ending with a function word, and only the few
// function words names need inside (Ministry of Foreign Affairs, Договор о
// …). A single word is a candidate as a name (capitalised) or when it
// is long enough to be a term (five letters: «санкции», "sanctions"); which
// single words are names is decided over the corpus (isName). A Russian
// phrase does not end on an adjective, nor is one an adjective alone.
func spans(ws []word, maxWords int, ru bool, fn func(i, j int)) {
	for i := range ws {
		fi := ws[i].flags
		if fi&(fStop|fNumber|fForeign|fJoinPrev) != 0 {
			continue
		}
		for j := i + 1; j <= len(ws) && j-i <= maxWords; j++ {
			w := ws[j-1]
			if j-1 > i && w.flags&fBreak != 0 {
				break
			}
			if w.flags&(fNumber|fForeign) != 0 {
				break
			}
			if w.flags&fStop != 0 {
				if w.flags&fInner == 0 {
					break
				}
				continue // may go on, may not end here
			}
			if w.flags&fJoinNext != 0 {
				continue // inside a compound
			}
			if j-i == 1 && fi&(fUpper|fCap) == 0 && fi&fShort != 0 {
				continue // a short common word: too general to be a term alone
			}
			if ru && (w.flags&fAdjEnd != 0 || j-i == 1 && w.flags&fAdjective != 0) {
				continue
			}
			fn(i, j)
		}
	}
}

// uniq sorts and deduplicates hs in place.
func uniq(hs []uint64) []uint64 {
	sort.Slice(hs, func(a, b int) bool { return hs[a] < hs[b] })
	out := hs[:0]
	for k, h := range hs {
		if k == 0 || h != hs[k-1] {
			out = append(out, h)
		}
	}
	return out
}

func uniq32(xs []uint32) []uint32 {
	sort.Slice(xs, func(a, b int) bool { return xs[a] < xs[b] })
	out := xs[:0]
	for k, x := range xs {
		if k == 0 || x != xs[k-1] {
			out = append(out, x)
		}
	}
	return out
}

// renderSpans calls fn for every phrase that may render a term in a
// target segment: one to maxWords words without punctuation inside, no
// number, not beginning or ending with a function word (any may stand
// inside: "pivot to the East"), a Russian one not ending on an adjective.
func renderSpans(ws []word, maxWords int, ru bool, fn func(i, j int)) {
	for i := range ws {
		if ws[i].flags&(fStop|fNumber|fForeign|fJoinPrev) != 0 {
			continue
		}
		for j := i + 1; j <= len(ws) && j-i <= maxWords; j++ {
			w := ws[j-1]
			if j-1 > i && w.flags&fBreak != 0 || w.flags&(fNumber|fForeign) != 0 {
				break
			}
			if w.flags&(fStop|fJoinNext) != 0 {
				continue
			}
			if ru && j-i > 1 && w.flags&fAdjEnd != 0 {
				continue
			}
			fn(i, j)
		}
	}
}

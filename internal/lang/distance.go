package lang

import "unicode/utf8"

// EditDistance returns the Levenshtein distance of a and b in characters
// (runes), or max+1 as soon as it is certain to exceed max: callers ask
// whether two spellings are within a few edits (a fuzzy query, a typo in
// a term), and a long pair far apart costs no more than a row or two.
func EditDistance(a, b string, max int) int {
	if a == b {
		return 0
	}
	na, nb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	if d := na - nb; d > max || -d > max {
		return max + 1
	}
	// Words fit on the stack: a lookup measures thousands of pairs.
	var bufA, bufB [32]rune
	var rowsBuf [2 * 33]int
	ra, rb := bufA[:0], bufB[:0]
	if na > len(bufA) || nb > len(bufB) {
		ra, rb = make([]rune, 0, na), make([]rune, 0, nb)
	}
	for _, r := range a {
		ra = append(ra, r)
	}
	for _, r := range b {
		rb = append(rb, r)
	}
	var prev, cur []int
	if len(rb)+1 <= len(rowsBuf)/2 {
		prev, cur = rowsBuf[:len(rb)+1], rowsBuf[len(rowsBuf)/2:len(rowsBuf)/2+len(rb)+1]
	} else {
		prev, cur = make([]int, len(rb)+1), make([]int, len(rb)+1)
	}
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > max {
			return max + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

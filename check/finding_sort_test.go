package check

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"
	"testing"
)

// TestSortFindingsOrder checks SortFindings (which sorts indexes and
// then moves the findings in place, cycle by cycle) against a plain
// stable sort of the findings by the documented order, on findings with
// many ties (equal keys must keep their order), without locations, and
// in sizes from none to a few thousand.
func TestSortFindingsOrder(t *testing.T) {
	less := func(fs []Finding) func(i, j int) bool {
		return func(i, j int) bool {
			a, b := fs[i].primary(), fs[j].primary()
			switch {
			case a == nil || b == nil:
				return a != nil && b == nil
			case a.Path != b.Path:
				return a.Path < b.Path
			case a.Line != b.Line:
				return a.Line < b.Line
			case a.Column != b.Column:
				return a.Column < b.Column
			case fs[i].Rule != fs[j].Rule:
				return fs[i].Rule < fs[j].Rule
			}
			return fs[i].Message < fs[j].Message
		}
	}
	for _, n := range []int{0, 1, 2, 7, 100, 3000} {
		r := rand.New(rand.NewPCG(uint64(n), 1))
		fs := make([]Finding, n)
		for i := range fs {
			loc := &Location{Path: []string{"a.txt", "b.txt"}[r.IntN(2)], Line: r.IntN(20), Column: r.IntN(3)}
			f := Finding{Rule: []string{"term-missing", "number-mismatch"}[r.IntN(2)], Message: fmt.Sprint(r.IntN(3)), Unit: i}
			switch r.IntN(4) {
			case 0: // no location
			case 1:
				f.Target = loc
			default:
				f.Source = loc
			}
			fs[i] = f
		}
		want := make([]Finding, n)
		copy(want, fs)
		sort.SliceStable(want, less(want))
		SortFindings(fs)
		if !reflect.DeepEqual(fs, want) {
			t.Errorf("%d findings: order differs from a stable sort", n)
		}
	}
}

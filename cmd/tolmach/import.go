package main

import (
	"context"
	"fmt"
	"io"
	"strconv"

	"github.com/urfave/cli/v2"

	"tolmach/glossary"
	"tolmach/internal/lang"
)

func init() { register(newImportCommand) }

// importOptions are the flags of `tolmach import`.
type importOptions struct {
	into    string
	sources []string
	quiet   bool
}

func newImportCommand() *cli.Command {
	opts := &importOptions{}
	return &cli.Command{
		Name:      "import",
		Usage:     "merge glossary files (TBX, CSV, TSV, OmegaT, native) into one glossary",
		ArgsUsage: "SRC…",
		UsageText: "tolmach import SRC… --into FILE",
		Description: `Reads every SRC (any format tolmach reads) and merges its concepts into FILE
   (created if absent; format by extension). A source concept whose Russian and
   English terms (or whose id and one term) match a concept of FILE is merged
   into it: new terms are added (another inflection or case of a term is
   kept as a term of its own), duplicates (the same text but for Unicode
   normalisation and spacing) dropped.
   Differences that would overwrite something — another status for the same
   term, another domain, definition or note — are reported on standard error
   as conflicts and FILE keeps its value. Other concepts are added, renamed
   "ID-2" when their id is taken. All or nothing: if any SRC is malformed,
   FILE is not touched.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "into", Usage: "the glossary `FILE` to merge into", Required: true, Destination: &opts.into},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "report conflicts only, no summary", Destination: &opts.quiet},
		},
		Action: func(c *cli.Context) error {
			opts.sources = c.Args().Slice()
			if len(opts.sources) == 0 {
				return newUsageError("import: no source file")
			}
			return runImport(c.Context, opts, c.App.ErrWriter)
		},
	}
}

// importStats counts what an import did.
type importStats struct {
	added, merged, terms, duplicates, conflicts, renamed int
}

func runImport(_ context.Context, opts *importOptions, stderr io.Writer) error {
	if _, err := glossary.FormatForPath(opts.into); err != nil {
		return usageError{err}
	}
	// Every source is read before the target is locked: a malformed
	// source fails the import with nothing written.
	var srcs []*glossary.Glossary
	for _, p := range opts.sources {
		g, err := glossary.Load(p)
		if err != nil {
			return err
		}
		srcs = append(srcs, g)
	}
	var st importStats
	err := glossary.Update(opts.into, func(g *glossary.Glossary) error {
		st = importInto(g, srcs, func(format string, args ...any) {
			fmt.Fprintf(stderr, "tolmach: conflict: "+format+"\n", args...)
		})
		return nil
	})
	if err != nil {
		return err
	}
	if !opts.quiet {
		fmt.Fprintf(stderr, "tolmach: %s: %d concepts added, %d merged (%d new terms), %d duplicate terms dropped (same text), %d conflicts, %d ids renamed\n",
			opts.into, st.added, st.merged, st.terms, st.duplicates, st.conflicts, st.renamed)
	}
	return nil
}

// importInto merges the concepts of srcs into g, reporting conflicts.
func importInto(g *glossary.Glossary, srcs []*glossary.Glossary, conflict func(format string, args ...any)) importStats {
	var st importStats
	x := newConceptIndex(g)
	for _, src := range srcs {
		for _, sc := range src.Concepts {
			tc := x.match(sc)
			if tc == nil {
				c := cloneConcept(sc)
				if c.ID == "" || x.byID[c.ID] != nil {
					base := c.ID
					if base == "" {
						base = glossary.Slug(termText(c))
					}
					c.ID = x.freeID(base)
					if sc.ID != "" {
						st.renamed++
					}
				}
				g.Concepts = append(g.Concepts, c)
				x.add(c)
				st.added++
				continue
			}
			st.merged++
			for _, f := range []struct {
				name     string
				dst, src *string
			}{{"domain", &tc.Domain, &sc.Domain}, {"definition", &tc.Definition, &sc.Definition}, {"note", &tc.Note, &sc.Note}, {"source", &tc.Source, &sc.Source}} {
				switch {
				case *f.src == "" || *f.src == *f.dst:
				case *f.dst == "":
					*f.dst = *f.src
				default:
					st.conflicts++
					conflict("%s: [%s] %s %q differs from %q of [%s] in the target; kept the target's", sc.Origin, sc.ID, f.name, *f.src, *f.dst, tc.ID)
				}
			}
			for _, t := range sc.Terms {
				existing := termByText(tc, t)
				if existing == nil {
					nt := *t
					tc.Terms = append(tc.Terms, &nt)
					x.addTerm(tc, &nt)
					st.terms++
					continue
				}
				st.duplicates++
				if t.Status != "" && existing.Status != "" && t.Status != existing.Status {
					st.conflicts++
					conflict("%s: %s term %q is %s, but %q of [%s] in the target is %s; kept the target's", originOf(sc, t), t.Lang, t.Text, t.Status, existing.Text, tc.ID, existing.Status)
				} else if existing.Status == "" && t.Status != "" {
					existing.Status = t.Status
				}
			}
		}
	}
	return st
}

// conceptIndex finds the concepts of a glossary by id and by the
// matching keys of their terms, so that an import costs one look-up per
// term rather than a scan of the target.
type conceptIndex struct {
	byID  map[string]*glossary.Concept
	byKey map[string][]*glossary.Concept // lang + "\x00" + MatchKey
	next  map[string]int                 // base id → next suffix to try (see freeID)
	tried int                            // ids tried by freeID, for tests
}

func newConceptIndex(g *glossary.Glossary) *conceptIndex {
	x := &conceptIndex{byID: map[string]*glossary.Concept{}, byKey: map[string][]*glossary.Concept{}, next: map[string]int{}}
	for _, c := range g.Concepts {
		x.add(c)
	}
	return x
}

func (x *conceptIndex) add(c *glossary.Concept) {
	if x.byID[c.ID] == nil {
		x.byID[c.ID] = c
	}
	for _, t := range c.Terms {
		x.addTerm(c, t)
	}
}

func (x *conceptIndex) addTerm(c *glossary.Concept, t *glossary.Term) {
	k := t.Lang + "\x00" + lang.MatchKey(t.Text)
	cs := x.byKey[k]
	if len(cs) == 0 || cs[len(cs)-1] != c {
		x.byKey[k] = append(cs, c)
	}
}

// match finds the concept a source concept is the same as: the one with
// its id and at least one common term, else the first sharing a Russian
// and an English term (by matching key).
func (x *conceptIndex) match(sc *glossary.Concept) *glossary.Concept {
	if c := x.byID[sc.ID]; c != nil && sc.ID != "" {
		for _, t := range sc.Terms {
			if termByKey(c, t) != nil {
				return c
			}
		}
	}
	hits := map[*glossary.Concept]uint8{} // bit 1: a ru term in common, bit 2: an en term
	var order []*glossary.Concept
	for _, t := range sc.Terms {
		bit := uint8(0)
		switch t.Lang {
		case "ru":
			bit = 1
		case "en":
			bit = 2
		default:
			continue
		}
		for _, c := range x.byKey[t.Lang+"\x00"+lang.MatchKey(t.Text)] {
			if _, seen := hits[c]; !seen {
				order = append(order, c)
			}
			hits[c] |= bit
		}
	}
	for _, c := range order {
		if hits[c] == 3 {
			return c
		}
	}
	return nil
}

// freeID returns base, or base-2, base-3… whichever is free. It resumes
// where the last search for base stopped, so that n concepts renamed
// from one base (a source of concepts without ids whose terms make the
// same slug) cost O(n), not O(n²).
func (x *conceptIndex) freeID(base string) string {
	if base == "" {
		base = "concept"
	}
	id := base
	x.tried++
	for n := max(x.next[base], 2); x.byID[id] != nil; n++ {
		id = base + "-" + strconv.Itoa(n)
		x.next[base] = n + 1
		x.tried++
	}
	return id
}

// termByText returns the term of c that is t again: the same language
// and the same text but for Unicode normalisation and spacing
// ([lang.VisibleForm]). Another inflection or case of it is another
// term, kept by an import (lint reports it as same-key), so that
// nothing a source holds is lost.
func termByText(c *glossary.Concept, t *glossary.Term) *glossary.Term {
	return termWith(c, t, lang.VisibleForm)
}

// termByKey returns c's term of t's language with t's matching key.
func termByKey(c *glossary.Concept, t *glossary.Term) *glossary.Term {
	return termWith(c, t, lang.MatchKey)
}

// termWith returns c's term of t's language whose key is t's.
func termWith(c *glossary.Concept, t *glossary.Term, key func(string) string) *glossary.Term {
	k := key(t.Text)
	for _, o := range c.TermsIn(t.Lang) {
		if o.Text == t.Text || key(o.Text) == k {
			return o
		}
	}
	return nil
}

func cloneConcept(c *glossary.Concept) *glossary.Concept {
	cc := *c
	cc.Terms = nil
	for _, t := range c.Terms {
		nt := *t
		cc.Terms = append(cc.Terms, &nt)
	}
	return &cc
}

func termText(c *glossary.Concept) string {
	if t := c.Preferred("en"); t != nil {
		return t.Text
	}
	if len(c.Terms) > 0 {
		return c.Terms[0].Text
	}
	return "concept"
}

func originOf(c *glossary.Concept, t *glossary.Term) string {
	if t.Origin != "" {
		return t.Origin
	}
	return c.Origin
}

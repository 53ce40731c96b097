package main

import (
	"context"
	"encoding/json"
	"io"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"

	"tolmach/glossary"
	"tolmach/terms"
)

// termsUsageOptions are the flags and arguments of `tolmach terms usage`.
type termsUsageOptions struct {
	termsInput
	minCount  int
	direction string
	concepts  []string
}

func newTermsUsageCommand() *cli.Command {
	opts := &termsUsageOptions{}
	return &cli.Command{
		Name:      "usage",
		Usage:     "how a TM or a corpus of article pairs renders each glossary concept",
		UsageText: "tolmach terms usage [--tm TM]... [SOURCE TARGET]... [DIR] [--format text|json|glossary|tbx|csv] [-o OUT] [CONCEPT-ID…]",
		Description: `For every glossary concept whose source terms occur in the source segments,
   counts how the aligned target segments render it: each glossary term, other
   renderings (the phrase most associated with the concept in that segment, in
   dictionary form, with an example), and how often nothing was found. Renderings
   outside the glossary seen at least --min-count times are proposed as admitted
   variants; glossary terms never used are flagged. Over a folder of article
   pairs this is the corpus's consistency report: --format json gives the
   documents of each rendering.

   --format glossary|tbx|csv writes the proposals as a glossary file for
   'tolmach import --into GLOSSARY': each concept with its id, its preferred
   terms and the proposed variants, whose notes give the evidence.

` + exitStatusHelp,
		Flags: append(opts.flags(),
			&cli.IntFlag{Name: "min-count", Value: 3, Usage: "propose renderings seen at least `N` times", Destination: &opts.minCount},
			&cli.StringFlag{Name: "direction", Value: "both", Usage: "where to look for the concepts' terms: ru (Russian segments), en, or both", Destination: &opts.direction},
		),
		Action: func(c *cli.Context) error {
			args, err := c.Args().Slice(), error(nil)
			if err != nil {
				return err
			}
			return runTermsUsage(c.Context, opts, args, c.App.Writer, c.App.ErrWriter)
		},
	}
}

func runTermsUsage(ctx context.Context, opts *termsUsageOptions, args []string, stdout, stderr io.Writer) error {
	if err := opts.checkFormat(); err != nil {
		return err
	}
	var langs []string
	switch opts.direction {
	case "both":
	case "ru", "en":
		langs = []string{opts.direction}
	default:
		return newUsageError("--direction %q: want ru, en or both", opts.direction)
	}
	if opts.minCount < 1 {
		return newUsageError("--min-count %d: want 1 or more", opts.minCount)
	}
	g, err := loadGlossaries(opts.glossaries.Value())
	if err != nil {
		return err
	}
	corpus, ids, err := opts.corpus(ctx, g, args, stderr)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if g.Lookup(id) == nil {
			return withHint(newUsageError("%s: no such file, and no concept with this id", id), "concept ids are as 'tolmach lookup' shows them")
		}
	}
	us := terms.Usage(corpus, g, terms.UsageOptions{SourceLangs: langs, Concepts: ids, MinCount: opts.minCount})
	if f, ok := opts.glossaryFormat(); ok {
		out := terms.ProposalsGlossary(us, "tolmach terms usage")
		return opts.write(stdout, func(w io.Writer) error { return glossary.Write(w, out, f) })
	}
	return opts.write(stdout, func(w io.Writer) error {
		if opts.format == "json" {
			return writeUsageJSON(w, us)
		}
		return writeUsageText(w, us, len(corpus.Pairs))
	})
}

// usageJSON is the contract's shape of `terms usage --format json`, with
// extra fields.
type usageJSON struct {
	Concepts []usageConceptJSON `json:"concepts"`
}

type usageConceptJSON struct {
	ID          string          `json:"id"`
	SourceLang  string          `json:"source_lang"`
	TargetLang  string          `json:"target_lang"`
	Occurrences int             `json:"occurrences"`
	Renderings  []renderingJSON `json:"renderings"`
	Missing     int             `json:"missing"`
	Unused      []string        `json:"unused"`
}

type renderingJSON struct {
	Text       string         `json:"text"`
	Count      int            `json:"count"`
	InGlossary bool           `json:"in_glossary"`
	Status     string         `json:"status,omitempty"`
	Proposed   bool           `json:"proposed"`
	Example    exampleJSON    `json:"example"`
	Documents  []documentJSON `json:"documents"`
}

type exampleJSON struct {
	RU string `json:"ru"`
	EN string `json:"en"`
}

type documentJSON struct {
	Path  string `json:"path"`
	Count int    `json:"count"`
}

func writeUsageJSON(w io.Writer, us []terms.ConceptUsage) error {
	out := usageJSON{Concepts: []usageConceptJSON{}}
	for _, u := range us {
		cj := usageConceptJSON{ID: u.Concept.ID, SourceLang: u.SourceLang, TargetLang: u.TargetLang,
			Occurrences: u.Occurrences, Missing: u.Missing, Renderings: []renderingJSON{}, Unused: []string{}}
		for _, r := range u.Renderings {
			rj := renderingJSON{Text: r.Text, Count: r.Count, InGlossary: r.InGlossary, Status: string(r.Status),
				Proposed: r.Proposed, Example: exampleJSON{RU: r.Example.RU, EN: r.Example.EN}, Documents: []documentJSON{}}
			for d, n := range r.Documents {
				rj.Documents = append(rj.Documents, documentJSON{Path: d, Count: n})
			}
			sort.Slice(rj.Documents, func(i, j int) bool { return rj.Documents[i].Path < rj.Documents[j].Path })
			cj.Renderings = append(cj.Renderings, rj)
		}
		for _, t := range u.Unused {
			cj.Unused = append(cj.Unused, t.Text)
		}
		out.Concepts = append(out.Concepts, cj)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// writeUsageText prints the report a terminologist reads: per concept and
// direction, its renderings with counts, proposals marked '+'.
func writeUsageText(w io.Writer, us []terms.ConceptUsage, pairs int) error {
	ew := &errWriter{w: w}
	proposed := 0
	for _, u := range us {
		ew.printf("%s  %s → %s  %d occurrence%s", u.Concept.ID, u.SourceLang, u.TargetLang, u.Occurrences, plural(u.Occurrences))
		if u.Missing > 0 {
			ew.printf(", %d with no rendering found", u.Missing)
		}
		ew.printf("\n")
		width := 0
		for _, r := range u.Renderings {
			width = max(width, len([]rune(quoteTerm(r.Text, u.TargetLang))))
		}
		for _, r := range u.Renderings {
			mark, what := " ", "not in the glossary"
			switch {
			case r.InGlossary:
				what = "glossary, " + string(r.Status)
			case r.Proposed:
				mark, what = "+", "proposed variant; e.g. "+shortExample(r.Example, u.TargetLang)
				proposed++
			}
			q := quoteTerm(r.Text, u.TargetLang)
			ew.printf("  %s %5d  %s%s  %s\n", mark, r.Count, q, strings.Repeat(" ", width-len([]rune(q))), what)
		}
		for _, t := range u.Unused {
			ew.printf("  ! %5d  %s  glossary term never used\n", 0, quoteTerm(t.Text, u.TargetLang))
		}
	}
	ew.printf("%d concept reports over %d segment pairs; %d variants proposed (+), unused glossary terms marked !\n", len(us), pairs, proposed)
	return ew.err
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// quoteTerm quotes a term as its language does.
func quoteTerm(s, l string) string {
	if l == "ru" {
		return "«" + s + "»"
	}
	return `"` + s + `"`
}

// shortExample is the target side of an example pair, shortened.
func shortExample(p terms.Pair, l string) string {
	s := p.EN
	if l == "ru" {
		s = p.RU
	}
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) > 70 {
		return string(r[:70]) + "…"
	}
	return string(r)
}

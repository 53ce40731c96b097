package glossary

import (
	"bufio"
	"encoding/xml"
	"io"
	"sort"
	"strings"
)

func xmlEsc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// tbxAdmnStatus is the TBX administrativeStatus value of a status.
func tbxAdmnStatus(s Status) string {
	switch s {
	case Preferred:
		return "preferredTerm-admn-sts"
	case Admitted:
		return "admittedTerm-admn-sts"
	case Deprecated, Forbidden:
		return "deprecatedTerm-admn-sts"
	}
	return ""
}

// tbxLangs returns the concept's languages, ru and en first.
func tbxLangs(c *Concept) []string {
	var ls []string
	seen := map[string]bool{}
	for _, t := range c.Terms {
		if !seen[t.Lang] {
			seen[t.Lang] = true
			ls = append(ls, t.Lang)
		}
	}
	sort.SliceStable(ls, func(i, j int) bool { return langRank(ls[i]) < langRank(ls[j]) })
	return ls
}

func sortedConcepts(g *Glossary) []*Concept {
	cs := append([]*Concept(nil), g.Concepts...)
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].ID < cs[j].ID })
	return cs
}

// tbxShape names the elements of TBX v2 and v3, which differ in names only
// as far as tolmach writes them.
type tbxShape struct {
	entry, langSet, tig string
}

var (
	shapeV2 = tbxShape{"termEntry", "langSet", "tig"}
	shapeV3 = tbxShape{"conceptEntry", "langSec", "termSec"}
)

// writeTBX2 writes TBX v2 in the TBX-Basic shape most CAT tools import:
// martif type="TBX-Basic", tig, termNote administrativeStatus/termType,
// descrip subjectField/definition.
func writeTBX2(w io.Writer, g *Glossary) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en">
  <martifHeader>
    <fileDesc>
      <sourceDesc>
        <p>Exported by tolmach</p>
      </sourceDesc>
    </fileDesc>
    <encodingDesc>
      <p type="XCSURI">TBXBasicXCSV02.xcs</p>
    </encodingDesc>
  </martifHeader>
  <text>
    <body>
`)
	writeEntries(bw, g, shapeV2)
	bw.WriteString("    </body>\n  </text>\n</martif>\n")
	return bw.Flush()
}

// writeTBX3 writes TBX v3, TBX-Basic dialect, DCA style.
func writeTBX3(w io.Writer, g *Glossary) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<tbx style="dca" type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader>
    <fileDesc>
      <sourceDesc>
        <p>Exported by tolmach</p>
      </sourceDesc>
    </fileDesc>
  </tbxHeader>
  <text>
    <body>
`)
	writeEntries(bw, g, shapeV3)
	bw.WriteString("    </body>\n  </text>\n</tbx>\n")
	return bw.Flush()
}

func writeEntries(bw *bufio.Writer, g *Glossary, sh tbxShape) {
	const i1, i2, i3, i4 = "      ", "        ", "          ", "            "
	for _, c := range sortedConcepts(g) {
		bw.WriteString(i1 + "<" + sh.entry + ` id="` + xmlEsc(c.ID) + `">` + "\n")
		if c.Domain != "" {
			bw.WriteString(i2 + `<descrip type="subjectField">` + xmlEsc(c.Domain) + "</descrip>\n")
		}
		if c.Definition != "" {
			bw.WriteString(i2 + `<descrip type="definition">` + xmlEsc(c.Definition) + "</descrip>\n")
		}
		if c.Source != "" {
			bw.WriteString(i2 + `<admin type="source">` + xmlEsc(c.Source) + "</admin>\n")
		}
		if c.Context != "" {
			bw.WriteString(i2 + `<admin type="` + contextAdmin + `">` + xmlEsc(c.Context) + "</admin>\n")
		}
		if c.Note != "" {
			bw.WriteString(i2 + "<note>" + xmlEsc(c.Note) + "</note>\n")
		}
		for _, l := range tbxLangs(c) {
			bw.WriteString(i2 + "<" + sh.langSet + ` xml:lang="` + xmlEsc(l) + `">` + "\n")
			for _, t := range c.TermsIn(l) {
				bw.WriteString(i3 + "<" + sh.tig + ">\n")
				bw.WriteString(i4 + "<term>" + xmlEsc(t.FullText()) + "</term>\n")
				if s := tbxAdmnStatus(t.Status); s != "" {
					bw.WriteString(i4 + `<termNote type="administrativeStatus">` + s + "</termNote>\n")
				}
				if t.Type != "" {
					bw.WriteString(i4 + `<termNote type="termType">` + string(t.Type) + "</termNote>\n")
				}
				var flags []string
				if t.CaseSensitive {
					flags = append(flags, "case")
				}
				if t.Exact {
					flags = append(flags, "exact")
				}
				if t.Status == Forbidden {
					flags = append(flags, "forbidden")
				}
				if len(flags) > 0 {
					bw.WriteString(i4 + `<termNote type="` + flagsNote + `">` + strings.Join(flags, " ") + "</termNote>\n")
				}
				if t.HasOptional() {
					bw.WriteString(i4 + `<termNote type="` + optionalNote + `">` + xmlEsc(t.Text) + "</termNote>\n")
				}
				if t.Note != "" {
					bw.WriteString(i4 + "<note>" + xmlEsc(t.Note) + "</note>\n")
				}
				bw.WriteString(i3 + "</" + sh.tig + ">\n")
			}
			bw.WriteString(i2 + "</" + sh.langSet + ">\n")
		}
		bw.WriteString(i1 + "</" + sh.entry + ">\n")
	}
}

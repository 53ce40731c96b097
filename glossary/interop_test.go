package glossary

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// translateToolkit returns a python3 that has translate-toolkit, or skips.
func translateToolkit(t *testing.T) string {
	t.Helper()
	py := "/usr/bin/python3"
	if _, err := os.Stat(py); err != nil {
		var lerr error
		if py, lerr = exec.LookPath("python3"); lerr != nil {
			t.Skip("python3 not found")
		}
	}
	if err := exec.Command(py, "-c", "import translate.storage.tbx").Run(); err != nil {
		t.Skip("translate-toolkit (translate.storage.tbx) not installed")
	}
	return py
}

// ttReader prints the source and target of every unit of a TBX file as
// translate-toolkit reads it, one "source\ttarget" line per unit.
const ttReader = `
import sys
from translate.storage import tbx
store = tbx.tbxfile.parsefile(sys.argv[1])
for u in store.units:
    print(u.source + "\t" + u.target)
`

// TestInteropTranslateToolkitReadsOurTBX: a TBX tolmach exports is read
// by translate-toolkit with the same term pairs (its unit's source is the
// first term of the first language, the target the first of the second).
func TestInteropTranslateToolkitReadsOurTBX(t *testing.T) {
	py := translateToolkit(t)
	g := mustLoad(t, "testdata/sample.glossary")
	dir := t.TempDir()
	p := filepath.Join(dir, "out.tbx")
	if err := WriteFile(p, g, TBX); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(py, "-c", ttReader, p).Output()
	if err != nil {
		t.Fatalf("translate-toolkit: %v", err)
	}
	var want []string
	for _, c := range sortedConcepts(g) {
		// Other tools read a term with optional words in full.
		want = append(want, c.TermsIn("ru")[0].FullText()+"\t"+c.TermsIn("en")[0].FullText())
	}
	got := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("translate-toolkit read\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestInteropWeReadCsv2tbx: a TBX written by translate-toolkit's csv2tbx
// is read by tolmach with the same term pairs.
func TestInteropWeReadCsv2tbx(t *testing.T) {
	translateToolkit(t)
	csv2tbx, err := exec.LookPath("csv2tbx")
	if err != nil {
		t.Skip("csv2tbx not found")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in.csv")
	pairs := [][2]string{
		{"Шанхайская организация сотрудничества", "Shanghai Cooperation Organisation"},
		{"мир", "peace"},
		{"«поворот на Восток»", "pivot to the East & more"},
	}
	var b bytes.Buffer
	b.WriteString("\"source\",\"target\"\n")
	for _, p := range pairs {
		b.WriteString(`"` + strings.ReplaceAll(p[0], `"`, `""`) + `","` + strings.ReplaceAll(p[1], `"`, `""`) + "\"\n")
	}
	if err := os.WriteFile(in, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.tbx")
	if msg, err := exec.Command(csv2tbx, in, out).CombinedOutput(); err != nil {
		t.Fatalf("csv2tbx: %v\n%s", err, msg)
	}
	g := mustLoad(t, out)
	var got, want []string
	for _, c := range g.Concepts {
		if len(c.Terms) != 2 {
			t.Fatalf("concept %s has %d terms", c.ID, len(c.Terms))
		}
		got = append(got, c.Terms[0].Text+"\t"+c.Terms[1].Text)
	}
	for _, p := range pairs {
		want = append(want, p[0]+"\t"+p[1])
	}
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("read\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

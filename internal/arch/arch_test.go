package arch

import (
	"encoding/json"
	"io"
	"os/exec"
	"strings"
	"testing"
)

// rules lists, for each package pattern of the module, the imports it
// must never reach, directly or indirectly.
var rules = []struct {
	pkg       string
	forbidden []string
}{
	{"tolmach/internal/lang", []string{"tolmach/glossary", "tolmach/tm", "tolmach/index", "tolmach/check", "tolmach/cmd", "tolmach/terms", "tolmach/project", "tolmach/serve", "tolmach/data", "github.com/blevesearch/bleve", "github.com/urfave/cli"}},
	{"tolmach/glossary", []string{"tolmach/tm", "tolmach/index", "tolmach/check", "tolmach/cmd", "tolmach/terms", "tolmach/project", "tolmach/serve", "github.com/blevesearch/bleve", "github.com/urfave/cli"}},
	{"tolmach/tm", []string{"tolmach/glossary", "tolmach/index", "tolmach/check", "tolmach/cmd", "tolmach/terms", "tolmach/project", "tolmach/serve", "github.com/blevesearch/bleve", "github.com/urfave/cli"}},
	{"tolmach/index", []string{"tolmach/check", "tolmach/cmd", "tolmach/terms", "tolmach/project", "tolmach/serve", "github.com/urfave/cli"}},
	{"tolmach/check", []string{"tolmach/index", "tolmach/cmd", "tolmach/terms", "tolmach/project", "tolmach/serve", "github.com/blevesearch/bleve", "github.com/urfave/cli"}},
	{"tolmach/project", []string{"tolmach/serve", "tolmach/cmd", "tolmach/terms", "github.com/urfave/cli"}},
	{"tolmach/serve", []string{"tolmach/cmd", "github.com/urfave/cli"}},
	{"tolmach/terms", []string{"tolmach/index", "tolmach/check", "tolmach/cmd", "tolmach/project", "tolmach/serve", "tolmach/data", "github.com/blevesearch/bleve", "github.com/urfave/cli"}},
	{"tolmach/data", []string{"tolmach/index", "tolmach/check", "tolmach/cmd", "tolmach/terms", "tolmach/project", "tolmach/serve", "tolmach/tm", "github.com/blevesearch/bleve", "github.com/urfave/cli"}},
}

type listed struct {
	ImportPath string
	Deps       []string
}

// TestDependencyArrows fails when a package reaches an import its layer
// must not depend on; sub-packages (tm/align, check/report) obey their
// parent's rule.
func TestDependencyArrows(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go command not found")
	}
	out, err := exec.Command("go", "list", "-deps=false", "-json=ImportPath,Deps", "tolmach/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	checked := 0
	for {
		var p listed
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		for _, r := range rules {
			if p.ImportPath != r.pkg && !strings.HasPrefix(p.ImportPath, r.pkg+"/") {
				continue
			}
			checked++
			for _, d := range p.Deps {
				for _, f := range r.forbidden {
					if d == f || strings.HasPrefix(d, f+"/") || strings.HasPrefix(d, f) && f == "github.com/blevesearch/bleve" {
						t.Errorf("%s depends on %s, which its layer must not use", p.ImportPath, d)
					}
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no package of the module was checked")
	}
}

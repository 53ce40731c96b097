package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The GitHub Action (action.yml at the repository root, scripts under
// action/), tested by running its scripts as the runner would.

const repoRoot = "../.."

// TestActionDefinition holds action.yml, its scripts and the example
// workflow to one another: every input is declared, passed to the script
// and read by it, and the example gives only declared inputs.
func TestActionDefinition(t *testing.T) {
	action := readRepoFile(t, "action.yml")
	script := readRepoFile(t, "action/check.sh")

	declared := yamlKeys(t, action, "inputs")
	if len(declared) < 5 {
		t.Fatalf("action.yml declares %d inputs: %q", len(declared), declared)
	}
	used := map[string]bool{}
	for _, m := range regexp.MustCompile(`\$\{\{ *inputs\.([a-z-]+) *\}\}|inputs\.([a-z-]+) ==`).FindAllStringSubmatch(action, -1) {
		used[m[1]+m[2]] = true
	}
	for name := range used {
		if !slices.Contains(declared, name) {
			t.Errorf("action.yml uses the undeclared input %q", name)
		}
	}
	passed := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^ +(INPUT_[A-Z_]+): \$\{\{ inputs\.([a-z-]+) \}\}$`).FindAllStringSubmatch(action, -1) {
		if want := "INPUT_" + strings.ToUpper(strings.ReplaceAll(m[2], "-", "_")); m[1] != want {
			t.Errorf("action.yml passes input %s as %s, want %s", m[2], m[1], want)
		}
		passed[m[1]] = true
	}
	for _, name := range declared {
		if !used[name] {
			t.Errorf("action.yml declares the input %q and never uses it", name)
		}
	}
	for _, v := range regexp.MustCompile(`INPUT_[A-Z_]+`).FindAllString(script, -1) {
		if !passed[v] && v != "INPUT_" {
			t.Errorf("action/check.sh reads %s, which action.yml does not set", v)
		}
	}
	for v := range passed {
		if !strings.Contains(script, "${"+v+":-") && !strings.Contains(script, "${"+v+"-") {
			t.Errorf("action.yml sets %s, which action/check.sh does not read", v)
		}
	}

	// The example workflow uses the action with declared inputs only.
	workflow := readRepoFile(t, ".github/workflows/tolmach-example.yml")
	uses := regexp.MustCompile(`(?m)^ +(?:- )?uses: \./\n( +)with:\n((?: {9,}[a-z-]+:.*\n)+)`).FindAllStringSubmatch(workflow, -1)
	if len(uses) == 0 {
		t.Fatal("the example workflow does not use the action (uses: ./ with inputs)")
	}
	for _, u := range uses {
		for _, m := range regexp.MustCompile(`(?m)^ +([a-z-]+):`).FindAllStringSubmatch(u[2], -1) {
			if !slices.Contains(declared, m[1]) {
				t.Errorf("the example workflow gives the action the undeclared input %q", m[1])
			}
		}
	}
}

// TestActionScripts runs action/install.sh and action/check.sh as the
// composite action's steps do, with the runner's variables pointing into
// a temporary directory, on the sample articles.
func TestActionScripts(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash is not installed")
	}
	root, err := filepath.Abs(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	runnerTemp := filepath.Join(tmp, "runner")
	work := filepath.Join(tmp, "work")
	for _, d := range []string{runnerTemp, work} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	ghPath := filepath.Join(tmp, "github_path")
	base := append(os.Environ(), "GITHUB_ACTION_PATH="+root, "RUNNER_TEMP="+runnerTemp, "GITHUB_PATH="+ghPath, "NO_COLOR=1")

	// Install: go install from the action's checkout, onto GITHUB_PATH
	// (with the user's Go build cache, which lives under XDG_CACHE_HOME).
	install := exec.Command("bash", filepath.Join(root, "action/install.sh"))
	install.Env = base
	if out, err := install.CombinedOutput(); err != nil {
		t.Fatalf("install.sh: %v\n%s", err, out)
	}
	bin := strings.TrimSpace(string(readFile(t, ghPath)))
	if _, err := os.Stat(filepath.Join(bin, "tolmach")); err != nil || bin != filepath.Join(runnerTemp, "tolmach-bin") {
		t.Fatalf("install.sh put %q on GITHUB_PATH: %v", bin, err)
	}
	// Later steps find the installed tolmach first on PATH, as the runner
	// arranges after a step writes GITHUB_PATH.
	base = append(base, "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"), "XDG_CACHE_HOME="+filepath.Join(tmp, "cache"))

	writeReadmeFixtures(t, work)
	if err := os.WriteFile(filepath.Join(work, "mini.glossary"), []byte("[sco]\nru: ШОС | abbreviation\nen: SCO | abbreviation\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var base0 bytes.Buffer
	bl := exec.Command(filepath.Join(bin, "tolmach"), "check", "--write-baseline", "known.json", "a.ru.txt", "a.en.txt")
	bl.Dir, bl.Env, bl.Stderr = work, base, &base0
	if err := bl.Run(); err != nil {
		t.Fatalf("write the baseline: %v\n%s", err, base0.String())
	}

	tests := []struct {
		name     string
		inputs   map[string]string
		code     int
		stdout   []string // regular expressions the standard output must match
		sarif    string   // the SARIF file that must be written, if any
		findings bool     // whether it holds results
	}{
		{
			name:   "a pair with errors",
			inputs: map[string]string{"FILES": "a.ru.txt a.en.txt"},
			code:   1, stdout: []string{`(?m)^::error file=a\.en\.txt,line=\d+,col=\d+,.*title=tolmach term-missing::`, `(?m)^::warning file=a\.en\.txt,`},
			sarif: "tolmach.sarif", findings: true,
		},
		{
			name:   "XLIFF files by glob",
			inputs: map[string]string{"FILES": "**/*.xlf", "SARIF": "out/xliff.sarif"},
			code:   1, stdout: []string{`(?m)^::error file=translated\.xlf,line=\d+`},
			sarif: "out/xliff.sarif", findings: true,
		},
		{
			name:   "pairs, failing on nothing",
			inputs: map[string]string{"PAIRS": "articles", "FAIL_ON": "never", "ARGS": "--report html=report.html"},
			code:   0, stdout: []string{`(?m)^::error file=articles/sco-eurasia\.en\.txt`, `(?m)^tolmach check: \d+ errors?, .* in 2 pairs`},
			sarif: "tolmach.sarif", findings: true,
		},
		{
			name:   "a baseline of the known findings",
			inputs: map[string]string{"FILES": "a.ru.txt a.en.txt", "BASELINE": "known.json"},
			code:   0, stdout: []string{`(?m)^tolmach check: 0 errors, 0 warnings`},
			sarif: "tolmach.sarif",
		},
		{
			name:   "a glossary and the source language",
			inputs: map[string]string{"FILES": "a.ru.txt a.en.txt", "GLOSSARY": "mini.glossary", "SOURCE_LANG": "ru", "SARIF": ""},
			code:   1, stdout: []string{`title=tolmach segment-missing`},
		},
		{
			name:   "a missing glossary",
			inputs: map[string]string{"FILES": "a.ru.txt a.en.txt", "GLOSSARY": "no-such.glossary"},
			code:   2,
		},
		{
			name:   "a glob that matches nothing",
			inputs: map[string]string{"FILES": "translations/*.xlf"},
			code:   2, stdout: []string{`(?m)^::error title=tolmach action::no file matches translations/\*\.xlf$`},
		},
		{
			name:   "files and pairs",
			inputs: map[string]string{"FILES": "a.ru.txt a.en.txt", "PAIRS": "articles"},
			code:   2, stdout: []string{`::error title=tolmach action::give 'files' or 'pairs', not both`},
		},
		{
			name:   "nothing to check",
			inputs: map[string]string{},
			code:   2, stdout: []string{`::error title=tolmach action::give 'files'`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, f := range []string{"tolmach.sarif", "out/xliff.sarif"} {
				os.Remove(filepath.Join(work, f))
			}
			output := filepath.Join(tmp, "github_output")
			os.Remove(output)
			env := append(slices.Clone(base), "GITHUB_OUTPUT="+output)
			for k, v := range tt.inputs {
				env = append(env, "INPUT_"+k+"="+v)
			}
			cmd := exec.Command("bash", filepath.Join(root, "action/check.sh"))
			cmd.Dir, cmd.Env = work, env
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			code := 0
			if err := cmd.Run(); err != nil {
				var ee *exec.ExitError
				if !errors.As(err, &ee) {
					t.Fatal(err)
				}
				code = ee.ExitCode()
			}
			if code != tt.code {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.code, stdout.String(), stderr.String())
			}
			for _, re := range tt.stdout {
				if !regexp.MustCompile(re).MatchString(stdout.String()) {
					t.Errorf("stdout does not match %s:\n%s", re, stdout.String())
				}
			}
			if tt.code == 2 {
				return
			}
			outputs := string(readFile(t, output))
			if !strings.Contains(outputs, "exit-code="+string(rune('0'+tt.code))+"\n") {
				t.Errorf("GITHUB_OUTPUT lacks exit-code=%d:\n%s", tt.code, outputs)
			}
			if tt.sarif == "" {
				if strings.Contains(outputs, "sarif=") {
					t.Errorf("GITHUB_OUTPUT names a SARIF file though none was asked for:\n%s", outputs)
				}
				return
			}
			if !strings.Contains(outputs, "sarif="+tt.sarif+"\n") {
				t.Errorf("GITHUB_OUTPUT lacks sarif=%s:\n%s", tt.sarif, outputs)
			}
			var log struct {
				Version string `json:"version"`
				Runs    []struct {
					Results []json.RawMessage `json:"results"`
				} `json:"runs"`
			}
			if err := json.Unmarshal(readFile(t, filepath.Join(work, tt.sarif)), &log); err != nil {
				t.Fatalf("%s: %v", tt.sarif, err)
			}
			if log.Version != "2.1.0" || len(log.Runs) != 1 {
				t.Fatalf("%s: version %q with %d runs, want one run of SARIF 2.1.0", tt.sarif, log.Version, len(log.Runs))
			}
			if got := len(log.Runs[0].Results) > 0; got != tt.findings {
				t.Errorf("%s: %d results", tt.sarif, len(log.Runs[0].Results))
			}
		})
	}
}

// yamlKeys returns the keys one level under the top-level key section of
// a YAML document, by indentation (action.yml needs no more).
func yamlKeys(t *testing.T, doc, section string) []string {
	t.Helper()
	m := regexp.MustCompile(`(?ms)^` + section + `:\n(.*?)(?:^\S|\z)`).FindStringSubmatch(doc)
	if m == nil {
		t.Fatalf("no %s: section", section)
	}
	var keys []string
	for _, k := range regexp.MustCompile(`(?m)^  ([a-z][a-z-]*):\s*$`).FindAllStringSubmatch(m[1], -1) {
		keys = append(keys, k[1])
	}
	return keys
}

func readRepoFile(t *testing.T, name string) string {
	t.Helper()
	return string(readFile(t, filepath.Join(repoRoot, name)))
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

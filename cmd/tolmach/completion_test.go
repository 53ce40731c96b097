package main

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"

	"tolmach/glossary"
)

func TestCompleteWords(t *testing.T) {
	app := newApp(io.Discard, io.Discard)
	tests := []struct {
		name  string
		words string // split on '|'
		kind  completionKind
		want  []string // values, in order; nil for none
	}{
		{"commands", "ch", completeValues, []string{"check"}},
		{"all commands, hidden ones left out", "", completeValues, []string{"add", "align", "check", "completion", "export", "import", "index", "init", "lint", "lookup", "serve", "terms", "tm"}},
		{"global flags", "--v", completeValues, []string{"--version"}},
		{"subcommands", "tm|a", completeValues, []string{"add", "add-pair", "analyze"}},
		{"no help subcommand", "index|", completeValues, []string{"build", "status", "clean"}},
		{"flags of a command", "check|--fo", completeValues, []string{"--format"}},
		{"flags of a subcommand", "tm|match|--m", completeValues, []string{"--min"}},
		{"short flags", "lookup|-", completeValues, []string{"--lang", "--limit", "-n", "--format", "-f", "--exact", "--glossary", "-g"}},
		{"format values of check", "check|--format|j", completeValues, []string{"json", "junit"}},
		{"format values of the short flag", "check|-f|", completeValues, []string{"github", "html", "json", "junit", "sarif", "text"}},
		{"format values of lint", "lint|--format|", completeValues, []string{"text", "json", "github"}},
		{"flag=value in one word", "check|--format=s", completeValues, []string{"--format=sarif"}},
		{"bash splits flag=value", "check|--format|=|t", completeValues, []string{"--format=text"}},
		{"bash splits flag=", "check|--format|=", completeValues, []string{"--format=github", "--format=html", "--format=json", "--format=junit", "--format=sarif", "--format=text"}},
		{"report format prefix", "check|--report|sa", completeValues, []string{"sarif="}},
		{"languages", "align|--source-lang|", completeValues, []string{"ru", "en"}},
		{"lint's severities", "lint|--fail-on|", completeValues, []string{"error", "warning", "never"}},
		{"check's severities", "check|--fail-on|", completeValues, []string{"error", "warning", "info", "never"}},
		{"statuses", "add|--ru-status|", completeValues, []string{"preferred", "admitted", "deprecated", "forbidden"}},
		{"encodings", "check|--encoding|k", completeValues, []string{"koi8-r"}},
		{"glossary file", "check|--glossary|", completeFiles, nil},
		{"glossary file after =", "check|--glossary=te", completeFiles, nil},
		{"pairs directory", "check|--pairs|", completeDirs, nil},
		{"free text", "add|--ru|", completeValues, nil},
		{"number", "lookup|--limit|", completeValues, nil},
		{"file arguments", "check|", completeFiles, nil},
		{"file arguments after flags and files", "check|--format|json|a.ru.txt|", completeFiles, nil},
		{"a value is not an argument", "tm|add-pair|--into|m.tmx|", completeFiles, nil},
		{"after -- a dash word is a file", "check|--|-", completeFiles, nil},
		{"query words", "lookup|", completeValues, nil},
		{"TM query words", "tm|match|Рос", completeValues, nil},
		{"no arguments", "init|", completeValues, nil},
		{"shells", "completion|", completeValues, []string{"bash", "zsh", "fish"}},
		{"one shell only", "completion|bash|", completeValues, nil},
		{"unknown command", "frobnicate|", completeValues, nil},
		{"hidden command", "__complete|", completeValues, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := completeWords(app, strings.Split(tt.words, "|"))
			var values []string
			for _, v := range got.values {
				values = append(values, v.value)
			}
			if got.kind != tt.kind || !slices.Equal(values, tt.want) {
				t.Errorf("completeWords(%q) = %s %q, want %s %q", tt.words, got.kind, values, tt.kind, tt.want)
			}
		})
	}
}

// TestCompletionCoversEveryFlag makes every flag that takes a value say
// how its value is completed, and holds the listed choices to what the
// commands accept.
func TestCompletionCoversEveryFlag(t *testing.T) {
	app := newApp(io.Discard, io.Discard)
	walkCommands(app.Commands, nil, func(p []string, c *cli.Command) {
		cmdPath := strings.Join(p, " ")
		for _, f := range c.Flags {
			if !takesValue(f) {
				continue
			}
			name := "--" + f.Names()[0]
			vc, ok := flagValueCompletion(cmdPath, f)
			if !ok {
				t.Errorf("%s %s: no entry in flagValueCompletions (completion.go): say whether its value is a file, a directory, one of some choices or free text", cmdPath, name)
				continue
			}
			if vc.choices == nil {
				continue
			}
			usage := f.(cli.DocGenerationFlag).GetUsage() + " " + c.Description
			for _, v := range vc.choices() {
				var err error
				switch name {
				case "--ru-status", "--en-status":
					_, err = glossary.ParseStatus(v)
				case "--ru-type", "--en-type":
					_, err = glossary.ParseType(v)
				default:
					if !strings.Contains(usage, strings.TrimSuffix(v, "=")) {
						t.Errorf("%s %s: completion offers %q, which its help does not mention", cmdPath, name, v)
					}
				}
				if err != nil {
					t.Errorf("%s %s: completion offers %q: %v", cmdPath, name, v, err)
				}
			}
		}
	})
}

// TestCompletionScripts runs each shell's script in that shell against
// the tolmach that TestMain puts on $PATH. The shells are skipped when
// absent, except in CI, whose script installs them.
func TestCompletionScripts(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"a.ru.txt", "a.en.txt", "terms.glossary"} {
		if err := os.WriteFile(filepath.Join(dir, f), []byte("x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "articles"), 0o755); err != nil {
		t.Fatal(err)
	}
	// Each case: the command line (the last word is completed, maybe
	// empty) and the candidates the shell must offer, sorted.
	cases := []struct {
		words []string
		want  []string
	}{
		{[]string{"tolmach", "ch"}, []string{"check"}},
		{[]string{"tolmach", "tm", "add-"}, []string{"add-pair"}},
		{[]string{"tolmach", "check", "--format", "j"}, []string{"json", "junit"}},
		{[]string{"tolmach", "check", "a."}, []string{"a.en.txt", "a.ru.txt"}},
		{[]string{"tolmach", "check", "--glossary", "te"}, []string{"terms.glossary"}},
		{[]string{"tolmach", "check", "--pairs", "ar"}, []string{"articles/"}},
		{[]string{"tolmach", "lookup", "a"}, nil},
		{[]string{"tolmach", "completion", "z"}, []string{"zsh"}},
	}
	shells := []struct {
		name string
		// run returns the shell's candidates for words, one a line.
		run func(t *testing.T, words []string) string
	}{
		{"bash", func(t *testing.T, words []string) string {
			// bash splits words at '=' and ':' itself; the cases have none.
			script := `source <(tolmach completion bash) || exit 1
COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 ))
_tolmach
# -o filenames marks directories with a slash when readline shows them.
for c in "${COMPREPLY[@]}"; do if [[ -d $c ]]; then echo "$c/"; else echo "$c"; fi; done`
			return shellOutput(t, dir, "bash", append([]string{"-c", script, "bash"}, words...)...)
		}},
		{"zsh", func(t *testing.T, words []string) string {
			// Stand-ins for zsh's completion builtins and functions,
			// which work only inside a completion widget: they print what
			// would be offered.
			script := `compdef() { :; }
_describe() { local -a a; a=("${(@P)4}"); print -rl -- ${a%%:*}; }
_files() { local -a f; if [[ $1 == -/ ]]; then f=(${PREFIX}*(N/)); print -rl -- ${^f}/; else f=(${PREFIX}*(N)); print -rl -- $f; fi; }
compset() { [[ $1 == -P ]] && PREFIX=${PREFIX#*=}; }
source <(tolmach completion zsh) || exit 1
words=("$@"); CURRENT=$#; PREFIX=${words[CURRENT]}
_tolmach; true`
			return shellOutput(t, dir, "zsh", append([]string{"-f", "-c", script, "zsh"}, words...)...)
		}},
		{"fish", func(t *testing.T, words []string) string {
			// fish's own "complete -C" completes a command line as Tab does.
			return shellOutput(t, dir, "fish", "--no-config", "-c",
				`tolmach completion fish | source; or exit 1; complete -C"$argv" | string replace -r '\t.*' ''; true`, strings.Join(words, " "))
		}},
	}
	for _, sh := range shells {
		t.Run(sh.name, func(t *testing.T) {
			if _, err := exec.LookPath(sh.name); err != nil {
				if os.Getenv("CI") == "true" {
					t.Fatalf("%s is not installed; .ci/run installs it", sh.name)
				}
				t.Skipf("%s is not installed", sh.name)
			}
			for _, c := range cases {
				out := strings.Fields(sh.run(t, c.words))
				slices.Sort(out)
				if !slices.Equal(out, c.want) {
					t.Errorf("%s: completing %q offers %q, want %q", sh.name, strings.Join(c.words, " "), out, c.want)
				}
			}
		})
	}
}

// shellOutput runs a shell in dir and returns its standard output.
func shellOutput(t *testing.T, dir, shell string, args ...string) string {
	t.Helper()
	cmd := exec.Command(shell, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HOME="+dir, "XDG_CONFIG_HOME="+dir, "XDG_DATA_HOME="+dir)
	out, err := cmd.Output()
	if err != nil {
		var stderr string
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("%s %q: %v\n%s", shell, args, err, stderr)
	}
	return string(out)
}

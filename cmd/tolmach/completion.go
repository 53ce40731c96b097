package main

import (
	"embed"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"tolmach/check/report"
	"tolmach/glossary"
	"tolmach/internal/lang"
)

func init() {
	register(newCompletionCommand)
	register(newCompleteCommand)
}

// completionScripts holds the shell scripts 'tolmach completion' prints.
// They hold no list of commands or flags: on every Tab they ask
// 'tolmach __complete' for the candidates, so they never go stale.
//
//go:embed completions/tolmach.bash completions/_tolmach completions/tolmach.fish
var completionScripts embed.FS

// completionShells maps a shell to its script in completionScripts.
var completionShells = map[string]string{
	"bash": "completions/tolmach.bash",
	"zsh":  "completions/_tolmach",
	"fish": "completions/tolmach.fish",
}

const completionDescription = `Prints a script that completes tolmach's commands, flags, flag values
   (formats, languages, encodings, statuses) and file arguments in SHELL.

     bash  add to ~/.bashrc:   source <(tolmach completion bash)
           or install it:     tolmach completion bash > ~/.local/share/bash-completion/completions/tolmach
     zsh   add to ~/.zshrc after compinit:   source <(tolmach completion zsh)
           or install it as _tolmach in a directory of $fpath
     fish  tolmach completion fish > ~/.config/fish/completions/tolmach.fish

   The script asks tolmach itself for the candidates, so it stays right when
   tolmach is upgraded.`

func newCompletionCommand() *cli.Command {
	return &cli.Command{
		Name:        "completion",
		Usage:       "print a shell completion script for bash, zsh or fish",
		ArgsUsage:   "bash|zsh|fish",
		Description: completionDescription,
		Action: func(c *cli.Context) error {
			if c.Args().Len() != 1 {
				return withHint(newUsageError("completion: want one shell (got %d arguments)", c.Args().Len()), "usage: tolmach completion bash|zsh|fish")
			}
			return runCompletion(c.Args().First(), c.App.Writer)
		},
	}
}

func runCompletion(shell string, w io.Writer) error {
	name, ok := completionShells[shell]
	if !ok {
		return withHint(newUsageError("completion: unknown shell %q", shell), "want bash, zsh or fish")
	}
	script, err := completionScripts.ReadFile(name)
	if err != nil {
		return err
	}
	_, err = w.Write(script)
	return err
}

// completeCommandName is the hidden command the completion scripts call
// with the words of the command line, the word being completed last.
const completeCommandName = "__complete"

func newCompleteCommand() *cli.Command {
	return &cli.Command{
		Name:            completeCommandName,
		Hidden:          true,
		SkipFlagParsing: true,
		Action: func(c *cli.Context) error {
			comp := completeWords(c.App, c.Args().Slice())
			fmt.Fprintln(c.App.Writer, comp.kind)
			for _, v := range comp.values {
				if v.description != "" {
					fmt.Fprintf(c.App.Writer, "%s\t%s\n", v.value, v.description)
				} else {
					fmt.Fprintln(c.App.Writer, v.value)
				}
			}
			return nil
		},
	}
}

// completionKind tells the shell what to offer: the values listed, or
// its own completion of file or directory names.
type completionKind string

const (
	completeValues completionKind = "values" // the listed values (maybe none)
	completeFiles  completionKind = "files"  // file names, by the shell
	completeDirs   completionKind = "dirs"   // directory names, by the shell
)

// completion is the answer to one Tab.
type completion struct {
	kind   completionKind
	values []candidate
}

// candidate is one value offered, with a description for the shells
// that show one (zsh, fish).
type candidate struct{ value, description string }

// valueCompletion says how the value of a flag is completed.
type valueCompletion struct {
	kind    completionKind
	choices func() []string
}

var (
	filesValue = valueCompletion{kind: completeFiles}
	dirsValue  = valueCompletion{kind: completeDirs}
	freeValue  = valueCompletion{kind: completeValues} // free text or a number: nothing to offer
)

func choices(vs ...string) valueCompletion {
	return valueCompletion{kind: completeValues, choices: func() []string { return vs }}
}

// flagValueCompletions says how each flag that takes a value is
// completed, keyed "COMMAND --flag" for one command or "--flag" for every
// command with that flag. TestCompletionCoversEveryFlag fails when a flag
// is missing, so a new flag is thought about once.
var flagValueCompletions = map[string]valueCompletion{
	"--glossary":       filesValue,
	"--into":           filesValue,
	"--output":         filesValue,
	"--tm":             filesValue,
	"--baseline":       filesValue,
	"--write-baseline": filesValue,
	"--pairs":          dirsValue,
	"--source-lang":    choices("ru", "en"),
	"--lang":           choices("ru", "en", "auto"),
	"--encoding":       {kind: completeValues, choices: func() []string { return lang.Encodings }},
	"--fail-on":        choices("error", "warning", "info", "never"),
	"lint --fail-on":   choices("error", "warning", "never"),
	"--ru-status":      statusValues,
	"--en-status":      statusValues,
	"--ru-type":        typeValues,
	"--en-type":        typeValues,

	"check --format":        {kind: completeValues, choices: report.Formats},
	"check --report":        {kind: completeValues, choices: reportPrefixes},
	"align --format":        choices("text", "tsv", "tmx", "json"),
	"export --format":       choices("native", "tbx", "tbx3", "csv", "tsv"),
	"lint --format":         choices("text", "json", "github"),
	"lookup --format":       choices("text", "json"),
	"index status --format": choices("text", "json"),
	"tm analyze --format":   choices("text", "json"),
	"tm match --format":     choices("text", "json"),
	"tm search --format":    choices("text", "json"),
	"tm stats --format":     choices("text", "json"),
	"tm export --format":    choices("tmx", "tsv", "csv"),

	"--ru": freeValue, "--en": freeValue, "--id": freeValue, "--domain": freeValue,
	"--note": freeValue, "--document": freeValue, "--jobs": freeValue, "--limit": freeValue,
	"--min": freeValue, "--min-confidence": freeValue,
	"--addr": freeValue, "--token": freeValue, "--cors": freeValue, "--allow-host": freeValue,
	"serve --log-format": choices("text", "json", "none"),

	"terms usage --format":    choices("text", "json", "glossary", "tbx", "csv"),
	"terms mine --format":     choices("text", "json", "glossary", "tbx", "csv"),
	"terms usage --direction": choices("ru", "en", "both"),
	"--min-count":             freeValue, "--max-words": freeValue,
}

var statusValues = choices(string(glossary.Preferred), string(glossary.Admitted), string(glossary.Deprecated), string(glossary.Forbidden))

var typeValues = choices(string(glossary.FullForm), string(glossary.Abbreviation), string(glossary.ShortForm), string(glossary.Phrase), string(glossary.Variant))

// reportPrefixes offers "FORMAT=" for --report FORMAT=PATH.
func reportPrefixes() []string {
	var out []string
	for _, f := range report.Formats() {
		out = append(out, f+"=")
	}
	return out
}

// textArgCommands take words, not files, as arguments: nothing is
// offered for them.
var textArgCommands = map[string]bool{"lookup": true, "tm match": true, "tm search": true}

// positionalChoices are the values of a command's first argument.
var positionalChoices = map[string][]string{"completion": {"bash", "zsh", "fish"}}

// completeWords answers a Tab: words are the command line after
// "tolmach", the last one being the word under the cursor (maybe empty).
// bash splits "--format=js" into "--format", "=", "js"; that is undone
// here, and values are always whole words ("--format=json"): the bash
// script cuts what bash split off.
func completeWords(app *cli.App, words []string) completion {
	words = joinEquals(words)
	if len(words) == 0 {
		words = []string{""}
	}
	cur, done := words[len(words)-1], words[:len(words)-1]

	flags := append(slices.Clone(app.Flags), cli.HelpFlag, cli.VersionFlag)
	subs := app.Commands
	var path []string
	var leaf *cli.Command
	var pending cli.Flag // a value flag whose value is the word under the cursor
	dashdash, npos := false, 0
	for i := 0; i < len(done); i++ {
		w := done[i]
		switch {
		case leaf != nil && !dashdash && w == "--":
			dashdash = true
		case !dashdash && isFlagArg(w):
			if strings.Contains(w, "=") {
				continue
			}
			if f := findFlag(flags, flagName(w)); f != nil && takesValue(f) {
				if i+1 == len(done) {
					pending = f
				}
				i++
			}
		case leaf != nil:
			npos++
		default:
			c := findCommand(subs, w)
			if c == nil || c.Hidden {
				return completion{kind: completeValues}
			}
			path = append(path, c.Name)
			flags = c.Flags
			if len(c.Subcommands) > 0 {
				subs = c.Subcommands
			} else {
				leaf, subs = c, nil
			}
		}
	}
	cmdPath := strings.Join(path, " ")
	switch {
	case pending != nil:
		return completeValue(cmdPath, pending, "", cur)
	case !dashdash && isFlagArg(cur) && strings.Contains(cur, "="):
		name, partial, _ := strings.Cut(cur, "=")
		f := findFlag(flags, strings.TrimLeft(name, "-"))
		if f == nil || !takesValue(f) {
			return completion{kind: completeValues}
		}
		return completeValue(cmdPath, f, name+"=", partial)
	case !dashdash && strings.HasPrefix(cur, "-"):
		return completion{kind: completeValues, values: flagCandidates(flags, cur)}
	case leaf == nil:
		var vs []candidate
		for _, c := range subs {
			if !c.Hidden && c.Name != "help" && strings.HasPrefix(c.Name, cur) {
				vs = append(vs, candidate{c.Name, c.Usage})
			}
		}
		return completion{kind: completeValues, values: vs}
	case positionalChoices[cmdPath] != nil:
		if npos > 0 {
			return completion{kind: completeValues}
		}
		return completion{kind: completeValues, values: prefixed("", positionalChoices[cmdPath], cur)}
	case textArgCommands[cmdPath] || leaf.ArgsUsage == "":
		return completion{kind: completeValues}
	default:
		return completion{kind: completeFiles}
	}
}

// completeValue completes the value of flag f of the command cmdPath;
// prefix is put before each value ("--format=" when the value is in the
// same word as the flag).
func completeValue(cmdPath string, f cli.Flag, prefix, partial string) completion {
	vc, ok := flagValueCompletion(cmdPath, f)
	if !ok || vc.choices == nil {
		return completion{kind: vc.kind}
	}
	return completion{kind: completeValues, values: prefixed(prefix, vc.choices(), partial)}
}

// flagValueCompletion looks up how the value of f is completed in
// cmdPath: the command's own entry, else the flag's; ok is false when
// there is neither (then nothing is offered).
func flagValueCompletion(cmdPath string, f cli.Flag) (valueCompletion, bool) {
	name := "--" + f.Names()[0]
	if vc, ok := flagValueCompletions[cmdPath+" "+name]; ok {
		return vc, true
	}
	vc, ok := flagValueCompletions[name]
	if !ok {
		return valueCompletion{kind: completeValues}, false
	}
	return vc, true
}

// prefixed returns the values starting with partial, each after prefix.
func prefixed(prefix string, values []string, partial string) []candidate {
	var out []candidate
	for _, v := range values {
		if strings.HasPrefix(v, partial) {
			out = append(out, candidate{value: prefix + v})
		}
	}
	return out
}

// flagCandidates lists the names of flags ("--format", "-f") that start
// with cur, each with its usage.
func flagCandidates(flags []cli.Flag, cur string) []candidate {
	var out []candidate
	for _, f := range flags {
		usage := ""
		if df, ok := f.(cli.DocGenerationFlag); ok {
			usage = strings.ReplaceAll(df.GetUsage(), "`", "")
		}
		for _, n := range f.Names() {
			name := "--" + n
			if len(n) == 1 {
				name = "-" + n
			}
			if strings.HasPrefix(name, cur) {
				out = append(out, candidate{name, usage})
			}
		}
	}
	return out
}

// takesValue reports whether f is given a value ("--format json").
func takesValue(f cli.Flag) bool {
	df, ok := f.(cli.DocGenerationFlag)
	return ok && df.TakesValue()
}

// joinEquals undoes bash's split of "--flag=value" into "--flag", "=",
// "value" (bash breaks words at '=').
func joinEquals(words []string) []string {
	var out []string
	for i := 0; i < len(words); i++ {
		w := words[i]
		if w == "=" && len(out) > 0 && isFlagArg(out[len(out)-1]) && !strings.Contains(out[len(out)-1], "=") {
			out[len(out)-1] += "="
			if i+1 < len(words) {
				out[len(out)-1] += words[i+1]
				i++
			}
			continue
		}
		out = append(out, w)
	}
	return out
}

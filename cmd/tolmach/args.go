package main

import (
	"strings"

	"github.com/urfave/cli/v2"
)

// The one rule for flags on every command: flags may come before, between
// or after the positional arguments, as GNU getopt permits
// ("tolmach tm add-pair a.ru.txt a.en.txt --into memory.tmx"), and "--"
// ends the flags (what follows is positional even when it starts with a
// dash). cli/v2 stops reading flags at a command's first positional
// argument, so permuteArgs moves each command's flags in front of its
// positional arguments before cli/v2 parses them; cli/v2 then checks
// required flags, values and unknown flags as usual.

// permuteArgs returns args (os.Args style, program name first) with the
// flags of the command being run placed before its positional
// arguments, which follow a "--". Global flags and parent-command flags
// stay where they are: they must come before the (sub)command name.
func permuteArgs(app *cli.App, args []string) []string {
	if len(args) < 2 {
		return args
	}
	out := append([]string(nil), args[0])
	rest := args[1:]
	flags, subs := app.Flags, app.Commands
	for {
		// Flags of this level, up to the first positional argument.
		i := 0
		for i < len(rest) && isFlagArg(rest[i]) && rest[i] != "--" {
			i += flagArity(flags, rest[i])
		}
		i = min(i, len(rest))
		out = append(out, rest[:i]...)
		rest = rest[i:]
		if len(rest) == 0 || rest[0] == "--" {
			return append(out, rest...)
		}
		cmd := findCommand(subs, rest[0])
		if cmd == nil {
			// An unknown command name (reported by the app) or the
			// positional arguments of the root: leave them as they are.
			return append(out, rest...)
		}
		out = append(out, rest[0])
		rest = rest[1:]
		if len(cmd.Subcommands) > 0 {
			flags, subs = cmd.Flags, cmd.Subcommands
			continue
		}
		if cmd.SkipFlagParsing {
			// The command reads its arguments as they are (__complete).
			return append(out, rest...)
		}
		return append(out, permuteLeaf(cmd.Flags, rest)...)
	}
}

// permuteLeaf reorders the arguments of a command without subcommands:
// its flags (with their values) first, then "--" and the positional
// arguments, each group in its original order.
func permuteLeaf(flags []cli.Flag, rest []string) []string {
	var fl, pos []string
	for i := 0; i < len(rest); i++ {
		a := rest[i]
		if a == "--" {
			pos = append(pos, rest[i+1:]...)
			break
		}
		if !isFlagArg(a) {
			pos = append(pos, a)
			continue
		}
		if f := findFlag(flags, flagName(a)); f == cli.HelpFlag {
			// cli/v2 would take a positional argument after --help
			// for a subcommand's name and print nothing: --help
			// anywhere shows the command's help, whatever else is given.
			return []string{a}
		}
		n := flagArity(flags, a)
		if i+n > len(rest) {
			// A value flag last with no value: alone at the end of
			// the flags, so that cli/v2 reports the missing value
			// instead of taking "--" or a file name for it.
			return append(fl, a)
		}
		fl = append(fl, rest[i:i+n]...)
		i += n - 1
	}
	if len(pos) == 0 {
		return fl
	}
	return append(append(fl, "--"), pos...)
}

// isFlagArg reports whether a looks like a flag: "-x" or "--name", but
// not "-" (standard input by convention).
func isFlagArg(a string) bool { return len(a) > 1 && a[0] == '-' }

// flagArity is how many arguments the flag argument a occupies: 2 when
// it is a known flag that takes a value given separately ("--into X"),
// else 1 ("--into=X", a boolean flag, or an unknown flag, which cli/v2
// then reports).
func flagArity(flags []cli.Flag, a string) int {
	if strings.Contains(a, "=") {
		return 1
	}
	f := findFlag(flags, flagName(a))
	if f == nil {
		return 1
	}
	if tv, ok := f.(cli.DocGenerationFlag); ok && tv.TakesValue() {
		return 2
	}
	return 1
}

// flagName is the name of the flag argument a: "into" for "--into=X".
func flagName(a string) string {
	name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
	return name
}

// findFlag returns the flag of flags with name (or alias) name, or nil.
// The help flag is known to every command without being in its list.
func findFlag(flags []cli.Flag, name string) cli.Flag {
	for _, f := range flags {
		for _, n := range f.Names() {
			if n == name {
				return f
			}
		}
	}
	for _, n := range cli.HelpFlag.Names() {
		if n == name {
			return cli.HelpFlag
		}
	}
	return nil
}

// findCommand returns the command of cmds named (or aliased) name, or nil.
func findCommand(cmds []*cli.Command, name string) *cli.Command {
	for _, c := range cmds {
		if c.HasName(name) {
			return c
		}
	}
	return nil
}

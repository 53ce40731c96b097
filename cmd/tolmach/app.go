package main

import (
	"context"
	"io"
	"os"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"
)

// commands holds the constructors of tolmach's commands; each command's
// file registers its own in an init function, so adding a command never
// touches this file.
var commands []func() *cli.Command

// register adds a command constructor to the application.
func register(newCommand func() *cli.Command) { commands = append(commands, newCommand) }

// noArgs refuses the arguments of a command that takes none, naming the
// first, with the same usage error (exit 2) from every such command.
func noArgs(c *cli.Context, command string) error {
	if c.Args().Len() > 0 {
		return newUsageError("%s: unexpected argument %q", command, c.Args().First())
	}
	return nil
}

// run is the whole CLI as a function, so tests can drive it in-process:
// it never calls os.Exit and writes only to stdout and stderr.
func run(args []string, stdout, stderr io.Writer) int {
	app := newApp(stdout, stderr)
	err := app.RunContext(context.Background(), permuteArgs(app, args))
	return exitCode(err, stderr)
}

// newApp builds the cli/v2 application. cli/v2's defaults are overridden
// so that every usage error is exit 2 with its message on stderr: usage
// errors would otherwise go to stdout, an unknown command would exit 3,
// and ExitCoder errors would make cli call os.Exit itself.
func newApp(stdout, stderr io.Writer) *cli.App {
	// notFound carries an unknown command name from CommandNotFound to
	// the app's Action, the only place cli/v2 lets an error be returned.
	var notFound string
	app := &cli.App{
		Name:                 "tolmach",
		Usage:                "Russian–English foreign-policy terminology: lookup, translation memory, alignment, checks",
		Version:              version(),
		Writer:               stdout,
		ErrWriter:            stderr,
		HideHelpCommand:      true,
		EnableBashCompletion: false,
		ExitErrHandler:       func(*cli.Context, error) {},
		OnUsageError: func(_ *cli.Context, err error, _ bool) error {
			return usageError{err}
		},
		CommandNotFound: func(c *cli.Context, name string) {
			notFound = name
		},
		Action: func(c *cli.Context) error {
			if notFound != "" {
				name := notFound
				notFound = ""
				return withHint(newUsageError("unknown command %q", name), "run 'tolmach --help' for the list of commands")
			}
			if c.Args().Len() > 0 {
				return withHint(newUsageError("unknown command %q", c.Args().First()), "run 'tolmach --help' for the list of commands")
			}
			return cli.ShowAppHelp(c)
		},
		CustomAppHelpTemplate: cli.AppHelpTemplate + "\n" + exitStatusHelp + "\n",
	}
	for _, newCommand := range commands {
		cmd := newCommand()
		if len(cmd.Subcommands) > 0 {
			// A command with subcommands lists them, as cli/v2 does
			// when no template is set.
			cmd.CustomHelpTemplate = cli.SubcommandHelpTemplate + "\n" + exitStatusHelp + "\n"
		} else {
			cmd.CustomHelpTemplate = cli.CommandHelpTemplate + "\n" + exitStatusHelp + "\n"
		}
		cmd.OnUsageError = app.OnUsageError
		for _, sub := range cmd.Subcommands {
			sub.CustomHelpTemplate = cli.CommandHelpTemplate + "\n" + exitStatusHelp + "\n"
			sub.OnUsageError = app.OnUsageError
		}
		app.Commands = append(app.Commands, cmd)
	}
	sort.Slice(app.Commands, func(i, j int) bool { return app.Commands[i].Name < app.Commands[j].Name })
	return app
}

// version reports the module version and VCS revision from build info.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := bi.Main.Version
	var rev, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = "+dirty"
			}
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	parts := []string{}
	if v != "" {
		parts = append(parts, v)
	}
	if rev != "" {
		parts = append(parts, "rev "+rev+modified)
	}
	parts = append(parts, bi.GoVersion)
	return strings.Join(parts, ", ")
}

// colorEnabled reports whether output to w should be coloured: only on a
// terminal, and never when NO_COLOR is set (https://no-color.org).
func colorEnabled(w io.Writer) bool {
	if _, ok := os.LookupEnv("NO_COLOR"); ok {
		return false
	}
	f, ok := w.(*os.File)
	return ok && isTerminal(f)
}

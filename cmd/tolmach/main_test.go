package main

import (
	"errors"
	"os"
	"os/exec"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets testscript run the tolmach binary in-process: scripts
// call "tolmach" and get run's exit code.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"tolmach": func() { os.Exit(run(os.Args, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs every testdata/script/*.txtar end to end. Set
// TOLMACH_UPDATE_SCRIPTS=1 to rewrite their golden sections.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		UpdateScripts:       os.Getenv("TOLMACH_UPDATE_SCRIPTS") == "1",
		RequireExplicitExec: false,
		Cmds:                scriptCmds,
		Setup: func(env *testscript.Env) error {
			env.Setenv("XDG_CACHE_HOME", env.WorkDir+"/.cache")
			env.Setenv("NO_COLOR", "1")
			return nil
		},
	})
}

// scriptCmds are the custom script commands; test files may add their
// own in an init function (reliability_helpers_test.go does).
var scriptCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){"exits": cmdExits}

// cmdExits implements the script command "exits CODE PROGRAM ARGS...":
// it runs PROGRAM like exec, keeps its stdout and stderr for the
// following assertions, and fails unless it exited with CODE.
func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits CODE PROGRAM [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: bad code %q", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("exits: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited %d, want %d", args[1], got, want)
	}
}

package main

import (
	"bufio"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

func init() {
	scriptCmds["freeport"] = cmdFreePort
	scriptCmds["httpget"] = cmdHTTPGet
}

// cmdFreePort implements "freeport VAR": it sets VAR to a TCP port free
// on 127.0.0.1 now.
func cmdFreePort(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: freeport VAR")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		ts.Fatalf("freeport: %v", err)
	}
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	ln.Close()
	ts.Setenv(args[0], port)
}

// cmdHTTPGet implements "httpget URL STATUS [HEADER VALUE]...": it GETs
// URL (retrying for up to 30 s while the connection is refused, so a
// server started in the background has time to listen), fails unless
// the status is STATUS, and writes the body to stdout for the following
// assertions.
func cmdHTTPGet(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 || len(args)%2 != 0 {
		ts.Fatalf("usage: httpget URL STATUS [HEADER VALUE]...")
	}
	want, err := strconv.Atoi(args[1])
	if err != nil {
		ts.Fatalf("httpget: bad status %q", args[1])
	}
	req, err := http.NewRequest("GET", args[0], nil)
	if err != nil {
		ts.Fatalf("httpget: %v", err)
	}
	for i := 2; i+1 < len(args); i += 2 {
		if strings.EqualFold(args[i], "Host") {
			req.Host = args[i+1]
			continue
		}
		req.Header.Set(args[i], args[i+1])
	}
	deadline := time.Now().Add(30 * time.Second)
	var resp *http.Response
	for {
		resp, err = http.DefaultClient.Do(req)
		if err == nil || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err != nil {
		ts.Fatalf("httpget: %v", err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	ts.Logf("%s → %d", args[0], resp.StatusCode)
	if resp.StatusCode != want {
		ts.Fatalf("httpget %s: status %d, want %d: %s", args[0], resp.StatusCode, want, body)
	}
	ts.Stdout().Write(body)
}

// TestServeSIGTERM: SIGTERM stops `tolmach serve` with exit 0 after the
// request in flight — a check whose body is still being sent when the
// signal comes — has been answered.
func TestServeSIGTERM(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGTERM")
	}
	dir := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", filepath.Join(dir, "cache"))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	pr, pw := io.Pipe()
	code := make(chan int, 1)
	go func() {
		code <- run([]string{"tolmach", "serve", "--addr", addr, "--log-format", "none"}, io.Discard, pw)
		pw.Close()
	}()
	sc := bufio.NewScanner(pr)
	if !sc.Scan() || sc.Text() != "tolmach: serving on http://"+addr {
		t.Fatalf("first line on stderr: %q", sc.Text())
	}
	go io.Copy(io.Discard, pr)

	// A check whose body arrives in two halves, the signal between them.
	ru, _ := os.ReadFile("../../data/samples/sco-eurasia.ru.txt")
	en, _ := os.ReadFile("../../data/samples/sco-eurasia.en.txt")
	body, _ := json.Marshal(map[string]any{"source": map[string]string{"text": string(ru)}, "target": map[string]string{"text": string(en)}})
	bodyR, bodyW := io.Pipe()
	answered := make(chan int, 1)
	go func() {
		req, _ := http.NewRequest("POST", "http://"+addr+"/api/v1/check", bodyR)
		req.Header.Set("Content-Type", "application/json")
		// The body is sent only once the handler reads it (100
		// Continue): when the first half is taken, the request is in
		// the server's hands.
		req.Header.Set("Expect", "100-continue")
		req.ContentLength = int64(len(body))
		client := &http.Client{Transport: &http.Transport{ExpectContinueTimeout: time.Minute}}
		resp, err := client.Do(req)
		if err != nil {
			t.Errorf("the request in flight: %v", err)
			answered <- 0
			return
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		answered <- resp.StatusCode
	}()
	bodyW.Write(body[:len(body)/2])
	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	bodyW.Write(body[len(body)/2:])
	bodyW.Close()
	if status := <-answered; status != 200 {
		t.Errorf("the request in flight was answered %d", status)
	}
	if c := <-code; c != 0 {
		t.Errorf("exit code %d after SIGTERM", c)
	}
}

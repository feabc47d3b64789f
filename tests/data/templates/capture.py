#!/usr/bin/env python3
"""Regenerate the template corpus (ps.json, images.json, version.json) from the reference
docker CLI (28.2.2, `docker` on PATH) and the private test engine (`tests/engine.sh up`).

    python3 tests/data/templates/capture.py

Each file holds the data docker's templates ran against and, for every format string, docker's
stdout, stderr and exit code. tests/template_corpus.rs runs dkr's template engine on the same
data and expects the same bytes. The script creates three short-lived containers named
dkr-tpl-* (removed at the end); it waits a minute after creating them so that their
"About a minute ago" ages stay put while the corpus is captured.
"""

import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ENV = subprocess.run(
    ["bash", "-c", f". {HERE}/../../env.sh && echo $DKR_TEST_HOST"],
    capture_output=True, text=True, check=True).stdout.strip()
os.environ["DOCKER_HOST"] = ENV
# a pinned, empty config: no psFormat/imagesFormat from the user's config
os.environ["DOCKER_CONFIG"] = tempfile.mkdtemp(prefix="dkr-tpl-config-")


def docker(*args, check=True):
    p = subprocess.run(["docker", *args], capture_output=True)
    if check and p.returncode != 0:
        sys.exit(f"docker {args}: {p.stderr.decode()}")
    return p


# --- ps --------------------------------------------------------------------------------------

PS_FORMATS = [
    "{{.ID}}",
    "{{.Names}}\\t{{.Image}}",
    "table {{.Names}}\\t{{.Image}}\\t{{.Command}}\\t{{.Status}}",
    "table {{.ID}}\\t{{.Labels}}",
    "{{json .}}",
    "json",
    "{{json .Labels}} {{json .Command}}",
    '{{.Label "com.example.app"}}|{{.Label "tier"}}',
    'table {{.Label "com.example.app"}}\\t{{.Names}}',
    "{{upper .Names}} {{lower .Image}} {{title .State}} {{title \"hello wide-world_x\"}}",
    "{{pad .Names 2 3}}|{{pad .Labels 1 1}}|",
    "{{truncate .Names 5}}|{{truncate .Names 100}}",
    '{{split .Labels ","}}',
    '{{join (split .Labels ",") " | "}}',
    '{{range $i, $l := split .Labels ","}}{{$i}}={{$l}};{{end}}',
    '{{range split .Labels ","}}[{{.}}]{{else}}none{{end}}',
    '{{if eq .State "running"}}UP{{else if eq .State "created"}}NEW{{else}}{{.State}}{{end}}',
    '{{printf "%-20s|%5.3s|%q" .Names .Image .Status}}',
    '{{len .Names}} {{len (split .Labels ",")}}',
    '{{index (split .Labels ",") 0}}',
    '{{with .Labels}}L:{{.}}{{else}}no labels{{end}}',
    "  {{- .Names -}}  {{/* a comment */}} x {{- /* trimmed */ -}}  y  ",
    '{{print .Names 1 2 "a" "b" true 3.5 nil}}',
    "{{println .Names .Image}}",
    "{{html .Labels}} {{js .Command}} {{urlquery .Labels .Names}}",
    "{{$n := .Names}}{{$n = upper $n}}{{$n}} {{$n | len}}",
    '{{and .Labels .Names}} {{or .Labels "none"}} {{not .Labels}} {{and 1 0 "x"}} {{or 0 ""}}',
    '{{.Names | printf "%s!" | upper}}',
    '{{lt .Names "dkr-tpl-c"}} {{ge (len .ID) 12}} {{ne .State "exited"}} {{le 2 2}} {{gt 2.5 1.5}}',
    '{{eq .State "running" "created"}} {{eq 1 1}} {{eq "a" "b"}}',
    "table {{.Names}}\\t{{.Label \"tier\"}}\\t{{.Size}}",
    "table {{json .Labels}}\\t{{truncate .Names 3}}\\t{{split .Names \"-\"}}\\t{{upper .Image}}",
    '{{define "x"}}<{{.}}>{{end}}{{template "x" .Names}}{{template "x" "lit"}}',
    '{{block "b" .Image}}[{{.}}]{{end}}',
    '{{range $k := split .Names "-"}}{{$k}}.{{end}}',
    '{{if and (eq .State "running") .Ports}}{{.Ports}}{{else}}-{{end}}',
    '{{printf "%v %d %x %X %o %O %b %c %U %#U %q" 255 255 255 255 8 8 5 65 65 9731 65}}',
    '{{printf "%e %E %.2f %g %G %.3g %8.2f|%-8.2f|%+.1e %v %v %v" 1234.5678 0.000123 3.14159 0.0001 1e21 1234.5678 2.5 2.5 12345.678 1e6 123456.0 0.00001}}',
    '{{printf "%t %v %T %T %T %T" true nil .Names 1.5 3 (split "a" "")}}',
    '{{printf "%5d|%-5d|%05d|%+d|% d|%x|%#x|%#o|%.3d" 42 42 42 42 42 -255 255 8 7}}',
    '{{printf "%5s|%-5s|%.2s|%05s|%x|% x|%#x|%X|%q|%+q|%#q|%q" "ab" "ab" "abc" "ab" "hi" "hi" "hi" "hi" "a\\"b" "é" "x" "\\x01"}}',
    '{{printf "%d %s %t" .Names 3 "x"}}',
    '{{printf "%d"}}|{{printf "%d %d" 1}}|{{printf "x" 1 "a"}}|{{printf "%!"}}|{{printf "%[2]d %[1]d" 1 2}}|{{printf "%*d|%-*d" 4 7 4 7}}|{{printf "%z" 3}}|{{printf "%%"}}',
    "{{1.5}} {{1e6}} {{0x1F}} {{'a'}} {{-3}} {{1_000}} {{0o17}} {{0b101}} {{2.0}} {{1e-7}} {{017}} {{1e21}} {{100000.0}} {{.5}} {{'\\n'}} {{1+2i}}",
    "{{1.5}} {{1e6}} {{0x1F}} {{'a'}} {{-3}} {{1_000}} {{0o17}} {{0b101}} {{2.0}} {{1e-7}} {{017}} {{1e21}} {{100000.0}} {{.5}} {{'\\t'}} {{1+2i}} {{0x1p-2}} {{1_0.2_5}} {{2i}} {{-0}} {{'\\x41'}} {{'é'}}",
    "{{18446744073709551615}}",
    "{{99999999999999999999}}",
    "{{.Names}}\\n{{.ID}}",
    "table \\t{{.Names}}\\t",
    "table    {{.ID}}   ",
    "tablex{{.ID}}",
    "  {{.ID}}  ",
    "table {{.Names | upper}}\\t{{lower .Names | printf \"%s!\"}}\\t{{pad .Image 1 1}}|",
    'table {{split .Names "-" | len}}\\t{{index (split .Names "-") 0}}\\t{{join (split .Labels ",") ";"}}',
    "table {{json .}}",
    "table {{.Names}} {{json .}}",
    'table {{.Label "com.docker.compose.project"}}\\t{{.Label "my_label-x"}}',
    '{{.Names | len | printf "%03d"}} {{eq . .}} {{with .Names}}{{.}}{{end}}',
    '{{printf "%v|%s|%q" .Platform .Platform .Platform}} {{html .Platform}} {{json .Platform}} {{not .Platform}}',
    '{{printf "%s %v" nil nil}} {{printf "%6.2v|%-6v|" "abcdef" "ab"}} {{printf "%c%c" 0x65e5 0x672c}} {{printf "%08.3f|%+08d|%x" -3.14159 -42 "日"}}',
    '{{range $i, $v := split "x y" " "}}{{$i}}{{$v}}{{else}}none{{end}} {{range split "" ","}}[{{.}}]{{end}} {{range $v := split "p q" " "}}{{$v}}{{end}}',
    '{{$a := 1}}{{$b := 2}}{{if lt $a $b}}{{$a}}<{{$b}}{{end}} {{$a = 3}}{{$a}}',
    '{{if $x := .Labels}}has:{{$x}}{{else}}none{{end}}',
    '{{"a\\tb\\u00e9\\x41\\101"}} {{`raw\\n`}} {{"\\""}}',
    "{{.Mounts}}|{{.Networks}}|{{.LocalVolumes}}|{{.Platform}}|{{.Size}}",
    "table {{.ID}}",
    "{{.Names}}{{if .Labels}} [{{.Labels}}]{{end}}",
    '{{range $i, $e := split .Names "-"}}{{if $i}},{{end}}{{$e}}{{end}}',
    '{{range $i, $e := split "a,b,c,d" ","}}{{if eq $e "c"}}{{break}}{{end}}{{$e}}{{end}}|{{range split "a,b,c" ","}}{{if eq . "b"}}{{continue}}{{end}}{{.}}{{end}}',
    '{{range 3}}{{.}}{{end}}|{{range $i := 2}}<{{$i}}>{{end}}|{{range 0}}x{{else}}empty{{end}}',
    '{{with $x := .Names}}{{$x}}{{end}} {{with ""}}x{{else with .Image}}{{.}}{{end}}',
    '{{slice "hello" 1 3}}|{{index "hello" 1}}|{{slice (split "a b c d" " ") 1 3}}|{{index (split "a b" " ") 1}}',
    '{{len "日本語"}} {{printf "%.2s|%5s|%-5s|" "日本語" "日本" "日本"}} {{upper "straße"}} {{lower "İSTANBUL ΑΣ"}} {{title "élan vital"}}',
    "{{js \"<a href='x'>&=\\u2028</a>\"}} {{html \"<a href='x'>&\\\"</a>\"}} {{urlquery \"a b&c=d/é\"}}",
    '{{json "<&>"}} {{json 1.5}} {{json 100}} {{json true}} {{json nil}} {{json (split "a,b" ",")}} {{json "\\u2028\\t\\u0001"}}',
    "{{printf \"%v|%s|%d\" (split \"1 2\" \" \") (split \"a b\" \" \") (split \"a\" \" \")}}",
    '{{.ID | printf "%s" | len | eq 12 | not | and 1 2 3 "x" | print}}',
    '{{if not .Labels}}unlabelled{{else}}labelled{{end}} {{if .Platform}}p{{else}}nop{{end}}',
    # errors (docker ps checks the raw format against an empty container first)
    "{{.Foo}}",
    "{{.ID",
    "{{index .Names 99}}",
    "{{.Label}}",
    '{{.Label "a" "b"}}',
    '{{join .Names ","}}',
    '{{template "nope"}}',
    "{{nil}}",
    "{{if}}",
    "{{end}}",
    "{{$x}}",
    "{{foo}}",
    "{{.Names | 3}}",
    '{{"abc}}',
    "{{range .Names}}{{end}}",
    "{{len 3}}",
    '{{slice .ID 0 4}}',
    "table {{.ID}}\\t{{.Foo}}",
    "{{.Names.Foo}}",
    "{{(.Names).B}}",
    "{{.ID 2}}",
    '{{upper 3}}',
    '{{lt .ID 1}}',
    "{{1 2}}",
    "{{.Platform.Foo}}",
    "line1\n{{.Names}}\n{{.Foo}}",
    "{{.ID\n",
    "{{/* unclosed",
    "{{3x}}",
    "{{break}}",
    "{{range $a, $b, $c := .}}{{end}}",
    '{{index .Names "a"}}',
    '{{call .ID}}',
    '{{pad .ID -1 0}}',
    '{{truncate .Names -1}}',
    '{{eq .Names 1}}',
    '{{and}}',
    '{{printf}}',
    "{{.Names)}}",
    '{{.Names "x"}}',
    '{{"x" | .Names}}',
    '{{printf "%s" .Foo}}',
    "{{if .Foo}}{{end}}",
    '{{define "x"}}{{.Foo}}{{end}}{{template "x" .}}',
    "{{with $x := 1}}{{$x.Foo}}{{end}}",
    '{{index (split "a b" " ") 5}}',
    '{{index (split "a b" " ") 2}}',
    '{{slice "abc" 2 1}}',
    '{{slice "abc" 1 2 3}}',
    "{{not}}",
    "{{ne 1}}",
    "{{lt true false}}",
    '{{eq (split "a" ",") (split "a" ",")}}',
    '{{eq 1 "a"}}',
    "{{json}}",
    '{{split "a"}}',
    '{{pad "a" "b" 1}}',
    '{{truncate "abc" 1.5}}',
    "{{upper .Size 1}}",
    "{{len .}}",
    '{{index . "ID"}}',
    "{{.Nämes}}",
    "{{len .Platform}}",
    "{{with .Names}}{{.X}}{{end}}",
    '{{range split "a" ","}}{{.Y}}{{end}}',
    "{{$}}{{.Foo}}",
    "{{.Names\n}}x",
    "{{-3}} {{- 3}} {{3 -}}",
    "{{else}}",
    '{{if .ID}}{{else}}{{else}}{{end}}',
    '{{range .ID}}{{break 1}}{{end}}',
    "{{.ID=1}}",
    '{{$x := 1 2}}',
    '{{define a}}{{end}}',
    "{{template}}",
    '{{with $x := .ID}}{{end}}{{$x}}',
    '{{$x, $y := 1}}',
    "{{.ID |}}",
    "{{| .ID}}",
    '{{"\\q"}}',
    "{{'ab'}}",
    "{{.ID @}}",
    "{{}}",
    "{{.}",
    "{{(.Names}}",
    "{{.Names.}}",
    '{{"a".b}}',
]

# --- images ----------------------------------------------------------------------------------

IMAGES_FORMATS = [
    "{{.Repository}}:{{.Tag}}",
    "table {{.Repository}}\\t{{.Tag}}\\t{{.ID}}\\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\\t{{.Size}}",
    "table {{.Repository}}\\t{{.Tag}}\\t{{.Digest}}\\t{{.ID}}\\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\\t{{.Size}}",
    "json",
    "{{json .}}",
    "{{.Containers}} {{.SharedSize}} {{.UniqueSize}} {{.VirtualSize}} {{.CreatedAt}}",
    "table {{.ID}}\\t{{.Containers}}\\t{{.SharedSize}}\\t{{.UniqueSize}}\\t{{.VirtualSize}}\\t{{.CreatedAt}}",
    '{{printf "%-10.10s|" .Repository}}{{.Size | printf "%8s"}}',
    "{{.Foo}}",
    "{{.ID",
    "table {{.Foo}}",
]

# --- version (typed data: struct fields, a slice of structs, map[string]string) --------------

VERSION_TEMPLATES = [
    "{{.Client.Version}} {{.Server.Version}}",
    "{{range .Server.Components}}{{.Name}}={{.Version}};{{end}}",
    "{{range $i, $c := .Server.Components}}{{$i}}:{{$c.Name}} {{end}}",
    "{{range $k, $v := (index .Server.Components 0).Details}}{{$k}}={{$v}},{{end}}",
    "{{(index .Server.Components 0).Details}}",
    '{{index (index .Server.Components 0).Details "Os"}}',
    "{{.Server.Experimental}} {{if .Server.Experimental}}exp{{else}}stable{{end}}",
    "{{len .Server.Components}} {{len (index .Server.Components 0).Details}}",
    "{{json (index .Server.Components 0).Details}}",
    "{{.Server.Platform.Name}}|{{.Client.Context}}",
    "{{with .Server}}{{.Os}}/{{.Arch}}{{end}}",
    "{{.Client.Os}}\t{{.Client.Arch}}\n{{.Server.Os}}\t{{.Server.Arch}}\t{{.Server.KernelVersion}}",
    '{{range .Server.Components}}{{if eq .Name "runc"}}{{.Version}}{{end}}{{end}}',
    '{{range .Server.Components}}{{.Name | printf "%-12s|"}}{{end}}',
    "{{$c := index .Server.Components 1}}{{$c.Name}} {{$c.Details.GitCommit}}",
    '{{.Server.KernelVersion | len}} {{slice .Server.GoVersion 2}} {{split .Server.Version "+"}} {{index (split .Server.Version "+") 0}}',
    "{{.Client.APIVersion}} {{.Server.APIVersion}} {{.Server.MinAPIVersion}} {{.Client.DefaultAPIVersion}}",
    '{{- range .Server.Components}}\n{{.Name}}:{{range $k, $v := .Details}} {{$k}}={{$v}}{{end}}\n{{- end}}',
    '{{$s := .Server}}{{range .Server.Components}}{{$s.Os}}-{{.Name}} {{end}}',
    "{{range .Server.Components}}{{.Name}}\t{{.Version}}\n{{end}}",
    '{{json .Client.Version}} {{printf "%q" .Server.Version}}',
    "{{.Server.Components | len}} {{range $i, $c := .Server.Components}}{{if gt $i 0}}, {{end}}{{$c.Name}}{{end}}",
    "{{with index .Server.Components 0}}{{.Name}}{{end}} {{printf \"%v\" (index .Server.Components 0).Details}}",
    "{{range .Server.Components}}{{range $k, $v := .Details}}{{if eq $k \"GitCommit\"}}{{$v}}|{{end}}{{end}}{{end}}",
]


def capture_rows(list_args):
    out = docker(*list_args, "--format", "{{json .}}").stdout.decode()
    return [json.loads(line) for line in out.splitlines()]


def capture_cases(list_args, formats):
    cases = []
    for f in formats:
        p = docker(*list_args, "--format", f, check=False)
        cases.append({
            "format": f,
            "stdout": p.stdout.decode("utf-8", "surrogateescape"),
            "stderr": p.stderr.decode("utf-8", "surrogateescape"),
            "exit": p.returncode,
        })
    return cases


def stable_capture(list_args, formats):
    for _ in range(5):
        before = capture_rows(list_args)
        cases = capture_cases(list_args, formats)
        after = capture_rows(list_args)
        if before == after:
            return before, cases
    sys.exit(f"rows kept changing: {list_args}")


def write(name, obj):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        json.dump(obj, f, indent=1, ensure_ascii=False)
        f.write("\n")


def main():
    names = ["dkr-tpl-web", "dkr-tpl-job", "dkr-tpl-bare"]
    docker("rm", "-f", *names, check=False)
    try:
        docker("run", "-d", "--name", "dkr-tpl-web", "--label", "com.example.app=web",
               "--label", "tier=front", "busybox", "sleep", "600")
        docker("create", "--name", "dkr-tpl-job", "--label", "note=a<b&c>", "--label",
               "tier=back", "busybox", "echo", "漢字テスト wide")
        docker("create", "--name", "dkr-tpl-bare", "busybox", "true")
        time.sleep(62)  # ages become "About a minute ago" and stay so for a minute
        ps_args = ["ps", "-a", "--filter", "name=dkr-tpl-"]
        rows, cases = stable_capture(ps_args, PS_FORMATS)
        write("ps.json", {
            "command": "docker " + " ".join(ps_args) + " --format FORMAT",
            "type": "*formatter.ContainerContext",
            "rows": rows,
            "cases": cases,
        })
    finally:
        docker("rm", "-f", *names, check=False)

    img_args = ["images", "busybox:latest"]
    rows, cases = stable_capture(img_args, IMAGES_FORMATS)
    write("images.json", {
        "command": "docker " + " ".join(img_args) + " --format FORMAT",
        "type": "*formatter.imageContext",
        "rows": rows,
        "cases": cases,
    })

    # version: the data under Go's field names (the JSON names differ: ApiVersion, and
    # Experimental is omitted when false).
    raw = json.loads(docker("version", "--format", "{{json .}}").stdout)
    for part in ("Client", "Server"):
        raw[part]["APIVersion"] = raw[part].pop("ApiVersion")
    raw["Server"].setdefault("Experimental", False)
    vcases = []
    for t in VERSION_TEMPLATES:
        p = docker("version", "--format", t, check=False)
        vcases.append({
            "template": t,
            "stdout": p.stdout.decode(),
            "stderr": p.stderr.decode(),
            "exit": p.returncode,
        })
    write("version.json", {
        "command": "docker version --format TEMPLATE",
        "note": "output goes through docker's tabwriter(20, 1, 1, ' ', 0) plus a newline",
        "data": raw,
        "cases": vcases,
    })


if __name__ == "__main__":
    main()


using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'dkr' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'dkr'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'dkr' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Location of client config files')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Name of the context to use to connect to the daemon (overrides DOCKER_HOST env var and default context set with "docker context use")')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Name of the context to use to connect to the daemon (overrides DOCKER_HOST env var and default context set with "docker context use")')
            [CompletionResult]::new('-D', '-D ', [CompletionResultType]::ParameterName, 'Enable debug mode')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Enable debug mode')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Daemon socket to connect to')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Daemon socket to connect to')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Set the logging level ("debug", "info", "warn", "error", "fatal")')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'Set the logging level ("debug", "info", "warn", "error", "fatal")')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS; implied by --tlsverify')
            [CompletionResult]::new('--tlscacert', '--tlscacert', [CompletionResultType]::ParameterName, 'Trust certs signed only by this CA')
            [CompletionResult]::new('--tlscert', '--tlscert', [CompletionResultType]::ParameterName, 'Path to TLS certificate file')
            [CompletionResult]::new('--tlskey', '--tlskey', [CompletionResultType]::ParameterName, 'Path to TLS key file')
            [CompletionResult]::new('--tlsverify', '--tlsverify', [CompletionResultType]::ParameterName, 'Use TLS and verify the remote')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print version information and quit')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version information and quit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Create and run a new container from an image')
            [CompletionResult]::new('ps', 'ps', [CompletionResultType]::ParameterValue, 'List containers')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop one or more running containers')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'Fetch the logs of a container')
            [CompletionResult]::new('images', 'images', [CompletionResultType]::ParameterValue, 'List images')
            [CompletionResult]::new('pull', 'pull', [CompletionResultType]::ParameterValue, 'Download an image from a registry')
            [CompletionResult]::new('commit', 'commit', [CompletionResultType]::ParameterValue, 'Create a new image from a container''s changes')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove one or more containers')
            [CompletionResult]::new('rmi', 'rmi', [CompletionResultType]::ParameterValue, 'Remove one or more images')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Return low-level information on Docker objects')
            [CompletionResult]::new('exec', 'exec', [CompletionResultType]::ParameterValue, 'Execute a command in a running container')
            [CompletionResult]::new('kill', 'kill', [CompletionResultType]::ParameterValue, 'Kill one or more running containers')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start one or more stopped containers')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Block until one or more containers stop, then print their exit codes')
            [CompletionResult]::new('restart', 'restart', [CompletionResultType]::ParameterValue, 'Restart one or more containers')
            [CompletionResult]::new('tag', 'tag', [CompletionResultType]::ParameterValue, 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE')
            [CompletionResult]::new('push', 'push', [CompletionResultType]::ParameterValue, 'Upload an image to a registry')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a new container')
            [CompletionResult]::new('port', 'port', [CompletionResultType]::ParameterValue, 'List port mappings or a specific mapping for the container')
            [CompletionResult]::new('cp', 'cp', [CompletionResultType]::ParameterValue, 'Copy files/folders between a container and the local filesystem')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Authenticate to a registry')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Log out from a registry')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Show the Docker version information')
            [CompletionResult]::new('container', 'container', [CompletionResultType]::ParameterValue, 'Manage containers')
            [CompletionResult]::new('image', 'image', [CompletionResultType]::ParameterValue, 'Manage images')
            [CompletionResult]::new('context', 'context', [CompletionResultType]::ParameterValue, 'Manage contexts')
            [CompletionResult]::new('system', 'system', [CompletionResultType]::ParameterValue, 'Manage Docker')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Generate the autocompletion script for the specified shell')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'dkr;run' {
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Run container in background and print container ID')
            [CompletionResult]::new('--detach', '--detach', [CompletionResultType]::ParameterName, 'Run container in background and print container ID')
            [CompletionResult]::new('--detach-keys', '--detach-keys', [CompletionResultType]::ParameterName, 'Override the key sequence for detaching a container')
            [CompletionResult]::new('--pull', '--pull', [CompletionResultType]::ParameterName, 'Pull image before running ("always", "missing", "never")')
            [CompletionResult]::new('--sig-proxy', '--sig-proxy', [CompletionResultType]::ParameterName, 'Proxy received signals to the process')
            [CompletionResult]::new('--add-host', '--add-host', [CompletionResultType]::ParameterName, 'Add a custom host-to-IP mapping (host:ip)')
            [CompletionResult]::new('--annotation', '--annotation', [CompletionResultType]::ParameterName, 'Add an annotation to the container (passed through to the OCI runtime)')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Attach to STDIN, STDOUT or STDERR')
            [CompletionResult]::new('--attach', '--attach', [CompletionResultType]::ParameterName, 'Attach to STDIN, STDOUT or STDERR')
            [CompletionResult]::new('--blkio-weight', '--blkio-weight', [CompletionResultType]::ParameterName, 'Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)')
            [CompletionResult]::new('--blkio-weight-device', '--blkio-weight-device', [CompletionResultType]::ParameterName, 'Block IO weight (relative device weight)')
            [CompletionResult]::new('--cap-add', '--cap-add', [CompletionResultType]::ParameterName, 'Add Linux capabilities')
            [CompletionResult]::new('--cap-drop', '--cap-drop', [CompletionResultType]::ParameterName, 'Drop Linux capabilities')
            [CompletionResult]::new('--cgroup-parent', '--cgroup-parent', [CompletionResultType]::ParameterName, 'Optional parent cgroup for the container')
            [CompletionResult]::new('--cgroupns', '--cgroupns', [CompletionResultType]::ParameterName, 'Cgroup namespace to use (host|private)')
            [CompletionResult]::new('--cidfile', '--cidfile', [CompletionResultType]::ParameterName, 'Write the container ID to the file')
            [CompletionResult]::new('--cpu-count', '--cpu-count', [CompletionResultType]::ParameterName, 'CPU count (Windows only)')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'CPU percent (Windows only)')
            [CompletionResult]::new('--cpu-period', '--cpu-period', [CompletionResultType]::ParameterName, 'Limit CPU CFS (Completely Fair Scheduler) period')
            [CompletionResult]::new('--cpu-quota', '--cpu-quota', [CompletionResultType]::ParameterName, 'Limit CPU CFS (Completely Fair Scheduler) quota')
            [CompletionResult]::new('--cpu-rt-period', '--cpu-rt-period', [CompletionResultType]::ParameterName, 'Limit CPU real-time period in microseconds')
            [CompletionResult]::new('--cpu-rt-runtime', '--cpu-rt-runtime', [CompletionResultType]::ParameterName, 'Limit CPU real-time runtime in microseconds')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'CPU shares (relative weight)')
            [CompletionResult]::new('--cpu-shares', '--cpu-shares', [CompletionResultType]::ParameterName, 'CPU shares (relative weight)')
            [CompletionResult]::new('--cpus', '--cpus', [CompletionResultType]::ParameterName, 'Number of CPUs')
            [CompletionResult]::new('--cpuset-cpus', '--cpuset-cpus', [CompletionResultType]::ParameterName, 'CPUs in which to allow execution (0-3, 0,1)')
            [CompletionResult]::new('--cpuset-mems', '--cpuset-mems', [CompletionResultType]::ParameterName, 'MEMs in which to allow execution (0-3, 0,1)')
            [CompletionResult]::new('--device', '--device', [CompletionResultType]::ParameterName, 'Add a host device to the container')
            [CompletionResult]::new('--device-cgroup-rule', '--device-cgroup-rule', [CompletionResultType]::ParameterName, 'Add a rule to the cgroup allowed devices list')
            [CompletionResult]::new('--device-read-bps', '--device-read-bps', [CompletionResultType]::ParameterName, 'Limit read rate (bytes per second) from a device')
            [CompletionResult]::new('--device-read-iops', '--device-read-iops', [CompletionResultType]::ParameterName, 'Limit read rate (IO per second) from a device')
            [CompletionResult]::new('--device-write-bps', '--device-write-bps', [CompletionResultType]::ParameterName, 'Limit write rate (bytes per second) to a device')
            [CompletionResult]::new('--device-write-iops', '--device-write-iops', [CompletionResultType]::ParameterName, 'Limit write rate (IO per second) to a device')
            [CompletionResult]::new('--disable-content-trust', '--disable-content-trust', [CompletionResultType]::ParameterName, 'Skip image verification')
            [CompletionResult]::new('--dns', '--dns', [CompletionResultType]::ParameterName, 'Set custom DNS servers')
            [CompletionResult]::new('--dns-option', '--dns-option', [CompletionResultType]::ParameterName, 'Set DNS options')
            [CompletionResult]::new('--dns-search', '--dns-search', [CompletionResultType]::ParameterName, 'Set custom DNS search domains')
            [CompletionResult]::new('--domainname', '--domainname', [CompletionResultType]::ParameterName, 'Container NIS domain name')
            [CompletionResult]::new('--entrypoint', '--entrypoint', [CompletionResultType]::ParameterName, 'Overwrite the default ENTRYPOINT of the image')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Set environment variables')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Set environment variables')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read in a file of environment variables')
            [CompletionResult]::new('--expose', '--expose', [CompletionResultType]::ParameterName, 'Expose a port or a range of ports')
            [CompletionResult]::new('--gpus', '--gpus', [CompletionResultType]::ParameterName, 'GPU devices to add to the container (''all'' to pass all GPUs)')
            [CompletionResult]::new('--group-add', '--group-add', [CompletionResultType]::ParameterName, 'Add additional groups to join')
            [CompletionResult]::new('--health-cmd', '--health-cmd', [CompletionResultType]::ParameterName, 'Command to run to check health')
            [CompletionResult]::new('--health-interval', '--health-interval', [CompletionResultType]::ParameterName, 'Time between running the check (ms|s|m|h) (default 0s)')
            [CompletionResult]::new('--health-retries', '--health-retries', [CompletionResultType]::ParameterName, 'Consecutive failures needed to report unhealthy')
            [CompletionResult]::new('--health-start-interval', '--health-start-interval', [CompletionResultType]::ParameterName, 'Time between running the check during the start period (ms|s|m|h) (default 0s)')
            [CompletionResult]::new('--health-start-period', '--health-start-period', [CompletionResultType]::ParameterName, 'Start period for the container to initialize before starting health-retries countdown (ms|s|m|h) (default 0s)')
            [CompletionResult]::new('--health-timeout', '--health-timeout', [CompletionResultType]::ParameterName, 'Maximum time to allow one check to run (ms|s|m|h) (default 0s)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Container host name')
            [CompletionResult]::new('--hostname', '--hostname', [CompletionResultType]::ParameterName, 'Container host name')
            [CompletionResult]::new('--init', '--init', [CompletionResultType]::ParameterName, 'Run an init inside the container that forwards signals and reaps processes')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Keep STDIN open even if not attached')
            [CompletionResult]::new('--interactive', '--interactive', [CompletionResultType]::ParameterName, 'Keep STDIN open even if not attached')
            [CompletionResult]::new('--io-maxbandwidth', '--io-maxbandwidth', [CompletionResultType]::ParameterName, 'Maximum IO bandwidth limit for the system drive (Windows only)')
            [CompletionResult]::new('--io-maxiops', '--io-maxiops', [CompletionResultType]::ParameterName, 'Maximum IOps limit for the system drive (Windows only)')
            [CompletionResult]::new('--ip', '--ip', [CompletionResultType]::ParameterName, 'IPv4 address (e.g., 172.30.100.104)')
            [CompletionResult]::new('--ip6', '--ip6', [CompletionResultType]::ParameterName, 'IPv6 address (e.g., 2001:db8::33)')
            [CompletionResult]::new('--ipc', '--ipc', [CompletionResultType]::ParameterName, 'IPC mode to use')
            [CompletionResult]::new('--isolation', '--isolation', [CompletionResultType]::ParameterName, 'Container isolation technology')
            [CompletionResult]::new('--kernel-memory', '--kernel-memory', [CompletionResultType]::ParameterName, 'Kernel memory limit')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Set meta data on a container')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'Set meta data on a container')
            [CompletionResult]::new('--label-file', '--label-file', [CompletionResultType]::ParameterName, 'Read in a line delimited file of labels')
            [CompletionResult]::new('--link', '--link', [CompletionResultType]::ParameterName, 'Add link to another container')
            [CompletionResult]::new('--link-local-ip', '--link-local-ip', [CompletionResultType]::ParameterName, 'Container IPv4/IPv6 link-local addresses')
            [CompletionResult]::new('--log-driver', '--log-driver', [CompletionResultType]::ParameterName, 'Logging driver for the container')
            [CompletionResult]::new('--log-opt', '--log-opt', [CompletionResultType]::ParameterName, 'Log driver options')
            [CompletionResult]::new('--mac-address', '--mac-address', [CompletionResultType]::ParameterName, 'Container MAC address (e.g., 92:d0:c6:0a:29:33)')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'Memory limit')
            [CompletionResult]::new('--memory', '--memory', [CompletionResultType]::ParameterName, 'Memory limit')
            [CompletionResult]::new('--memory-reservation', '--memory-reservation', [CompletionResultType]::ParameterName, 'Memory soft limit')
            [CompletionResult]::new('--memory-swap', '--memory-swap', [CompletionResultType]::ParameterName, 'Swap limit equal to memory plus swap: ''-1'' to enable unlimited swap')
            [CompletionResult]::new('--memory-swappiness', '--memory-swappiness', [CompletionResultType]::ParameterName, 'Tune container memory swappiness (0 to 100) (default -1)')
            [CompletionResult]::new('--mount', '--mount', [CompletionResultType]::ParameterName, 'Attach a filesystem mount to the container')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Assign a name to the container')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'Connect a container to a network')
            [CompletionResult]::new('--network-alias', '--network-alias', [CompletionResultType]::ParameterName, 'Add network-scoped alias for the container')
            [CompletionResult]::new('--no-healthcheck', '--no-healthcheck', [CompletionResultType]::ParameterName, 'Disable any container-specified HEALTHCHECK')
            [CompletionResult]::new('--oom-kill-disable', '--oom-kill-disable', [CompletionResultType]::ParameterName, 'Disable OOM Killer')
            [CompletionResult]::new('--oom-score-adj', '--oom-score-adj', [CompletionResultType]::ParameterName, 'Tune host''s OOM preferences (-1000 to 1000)')
            [CompletionResult]::new('--pid', '--pid', [CompletionResultType]::ParameterName, 'PID namespace to use')
            [CompletionResult]::new('--pids-limit', '--pids-limit', [CompletionResultType]::ParameterName, 'Tune container pids limit (set -1 for unlimited)')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Set platform if server is multi-platform capable')
            [CompletionResult]::new('--privileged', '--privileged', [CompletionResultType]::ParameterName, 'Give extended privileges to this container')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Publish a container''s port(s) to the host')
            [CompletionResult]::new('--publish', '--publish', [CompletionResultType]::ParameterName, 'Publish a container''s port(s) to the host')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Publish all exposed ports to random ports')
            [CompletionResult]::new('--publish-all', '--publish-all', [CompletionResultType]::ParameterName, 'Publish all exposed ports to random ports')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Suppress the pull output')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Suppress the pull output')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Implicit pull''s progress on stderr: auto, tty, plain, json or quiet (dkr)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Mount the container''s root filesystem as read only')
            [CompletionResult]::new('--restart', '--restart', [CompletionResultType]::ParameterName, 'Restart policy to apply when a container exits')
            [CompletionResult]::new('--rm', '--rm', [CompletionResultType]::ParameterName, 'Automatically remove the container and its associated anonymous volumes when it exits')
            [CompletionResult]::new('--runtime', '--runtime', [CompletionResultType]::ParameterName, 'Runtime to use for this container')
            [CompletionResult]::new('--security-opt', '--security-opt', [CompletionResultType]::ParameterName, 'Security Options')
            [CompletionResult]::new('--shm-size', '--shm-size', [CompletionResultType]::ParameterName, 'Size of /dev/shm')
            [CompletionResult]::new('--stop-signal', '--stop-signal', [CompletionResultType]::ParameterName, 'Signal to stop the container')
            [CompletionResult]::new('--stop-timeout', '--stop-timeout', [CompletionResultType]::ParameterName, 'Timeout (in seconds) to stop a container')
            [CompletionResult]::new('--storage-opt', '--storage-opt', [CompletionResultType]::ParameterName, 'Storage driver options for the container')
            [CompletionResult]::new('--sysctl', '--sysctl', [CompletionResultType]::ParameterName, 'Sysctl options')
            [CompletionResult]::new('--tmpfs', '--tmpfs', [CompletionResultType]::ParameterName, 'Mount a tmpfs directory')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Allocate a pseudo-TTY')
            [CompletionResult]::new('--tty', '--tty', [CompletionResultType]::ParameterName, 'Allocate a pseudo-TTY')
            [CompletionResult]::new('--ulimit', '--ulimit', [CompletionResultType]::ParameterName, 'Ulimit options')
            [CompletionResult]::new('--use-api-socket', '--use-api-socket', [CompletionResultType]::ParameterName, 'Bind mount Docker API socket and required auth')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Username or UID (format: <name|uid>[:<group|gid>])')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Username or UID (format: <name|uid>[:<group|gid>])')
            [CompletionResult]::new('--userns', '--userns', [CompletionResultType]::ParameterName, 'User namespace to use')
            [CompletionResult]::new('--uts', '--uts', [CompletionResultType]::ParameterName, 'UTS namespace to use')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Bind mount a volume')
            [CompletionResult]::new('--volume', '--volume', [CompletionResultType]::ParameterName, 'Bind mount a volume')
            [CompletionResult]::new('--volume-driver', '--volume-driver', [CompletionResultType]::ParameterName, 'Optional volume driver for the container')
            [CompletionResult]::new('--volumes-from', '--volumes-from', [CompletionResultType]::ParameterName, 'Mount volumes from the specified container(s)')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Working directory inside the container')
            [CompletionResult]::new('--workdir', '--workdir', [CompletionResultType]::ParameterName, 'Working directory inside the container')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print usage')
            break
        }
        'dkr;ps' {
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Show all containers (default shows just running)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Show all containers (default shows just running)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Filter output based on conditions provided')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Filter output based on conditions provided')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Format output using a custom template: ''table'':            Print output in table format with column headers (default) ''table TEMPLATE'':   Print output in table format using the given Go template ''json'':             Print in JSON format ''TEMPLATE'':         Print output using the given Go template. Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'One typed JSON object per line (dkr): ID, Names [..], Image, ImageID, Command, CreatedAt (RFC 3339), State, Status, Ports [{IP, PrivatePort, PublicPort, Type}], Labels {..}, Mounts [{Type, Name, Source, Destination, Driver, Mode, RW, Propagation}], Networks [..], LocalVolumes, SizeRw, SizeRootFs (bytes; null without -s)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show n last created containers (includes all states)')
            [CompletionResult]::new('--last', '--last', [CompletionResultType]::ParameterName, 'Show n last created containers (includes all states)')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Show the latest created container (includes all states)')
            [CompletionResult]::new('--latest', '--latest', [CompletionResultType]::ParameterName, 'Show the latest created container (includes all states)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Don''t truncate output')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only display container IDs')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only display container IDs')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Display total file sizes')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'Display total file sizes')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Keep watching: redraw on changes, or one JSON line per change when piped (dkr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;stop' {
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Stop all running containers (dkr)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Stop all running containers (dkr)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Stop the running containers that match a filter (dkr)')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Stop the running containers that match a filter (dkr)')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Ignore containers that do not exist (dkr)')
            [CompletionResult]::new('--ignore', '--ignore', [CompletionResultType]::ParameterName, 'Ignore containers that do not exist (dkr)')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Signal to send to the container')
            [CompletionResult]::new('--signal', '--signal', [CompletionResultType]::ParameterName, 'Signal to send to the container')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Seconds to wait before killing the container')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait before killing the container')
            [CompletionResult]::new('--time', '--time', [CompletionResultType]::ParameterName, 'Seconds to wait before killing the container (deprecated: use --timeout)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;logs' {
            [CompletionResult]::new('--details', '--details', [CompletionResultType]::ParameterName, 'Show extra details provided to logs')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Follow log output')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Follow log output')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Show logs since timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Number of lines to show from the end of the logs')
            [CompletionResult]::new('--tail', '--tail', [CompletionResultType]::ParameterName, 'Number of lines to show from the end of the logs')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Show timestamps')
            [CompletionResult]::new('--timestamps', '--timestamps', [CompletionResultType]::ParameterName, 'Show timestamps')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Show logs before a timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Show the logs of the containers that match these conditions, merged (dkr)')
            [CompletionResult]::new('--no-prefix', '--no-prefix', [CompletionResultType]::ParameterName, 'Don''t prefix merged lines with the container''s name (dkr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Don''t colour the prefixes of merged lines (dkr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;images' {
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Show all images (default hides intermediate images)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Show all images (default hides intermediate images)')
            [CompletionResult]::new('--digests', '--digests', [CompletionResultType]::ParameterName, 'Show digests')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Filter output based on conditions provided')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Filter output based on conditions provided')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Format output using a custom template: ''table'':            Print output in table format with column headers (default) ''table TEMPLATE'':   Print output in table format using the given Go template ''json'':             Print in JSON format ''TEMPLATE'':         Print output using the given Go template. Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'One typed JSON object per line (dkr): one per image: ID, ParentID, RepoTags [..], RepoDigests [..], CreatedAt (RFC 3339), Size, SharedSize, UniqueSize (bytes), Containers, Labels {..}; null when unknown')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Don''t truncate output')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only show image IDs')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only show image IDs')
            [CompletionResult]::new('--tree', '--tree', [CompletionResultType]::ParameterName, 'List multi-platform images as a tree (EXPERIMENTAL)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;pull' {
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Download all tagged images in the repository')
            [CompletionResult]::new('--all-tags', '--all-tags', [CompletionResultType]::ParameterName, 'Download all tagged images in the repository')
            [CompletionResult]::new('--disable-content-trust', '--disable-content-trust', [CompletionResultType]::ParameterName, 'Skip image verification')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Set platform if server is multi-platform capable')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Suppress verbose output')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Suppress verbose output')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: auto, tty, plain, json or quiet (dkr)')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'Pull up to this many images at once (dkr)')
            [CompletionResult]::new('--retry', '--retry', [CompletionResultType]::ParameterName, 'Retry an image that failed for a transient reason this many times (dkr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;commit' {
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Author (e.g., "John Hannibal Smith <hannibal@a-team.com>")')
            [CompletionResult]::new('--author', '--author', [CompletionResultType]::ParameterName, 'Author (e.g., "John Hannibal Smith <hannibal@a-team.com>")')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Apply Dockerfile instruction to the created image')
            [CompletionResult]::new('--change', '--change', [CompletionResultType]::ParameterName, 'Apply Dockerfile instruction to the created image')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'Commit message')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'Commit message')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Pause container during commit')
            [CompletionResult]::new('--pause', '--pause', [CompletionResultType]::ParameterName, 'Pause container during commit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;rm' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Force the removal of a running container (uses SIGKILL)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Force the removal of a running container (uses SIGKILL)')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Remove the specified link')
            [CompletionResult]::new('--link', '--link', [CompletionResultType]::ParameterName, 'Remove the specified link')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Remove anonymous volumes associated with the container')
            [CompletionResult]::new('--volumes', '--volumes', [CompletionResultType]::ParameterName, 'Remove anonymous volumes associated with the container')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;rmi' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Force removal of the image')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Force removal of the image')
            [CompletionResult]::new('--no-prune', '--no-prune', [CompletionResultType]::ParameterName, 'Do not delete untagged parents')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Remove only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;inspect' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Format output using a custom template: ''json'':             Print in JSON format ''TEMPLATE'':         Print output using the given Go template. Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Format output using a custom template: ''json'':             Print in JSON format ''TEMPLATE'':         Print output using the given Go template. Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Display total file sizes if the type is container')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'Display total file sizes if the type is container')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only inspect objects of the given type')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;exec' {
            [CompletionResult]::new('--detach-keys', '--detach-keys', [CompletionResultType]::ParameterName, 'Override the key sequence for detaching a container')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Set environment variables')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Set environment variables')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read in a file of environment variables')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Username or UID (format: "<name|uid>[:<group|gid>]")')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Username or UID (format: "<name|uid>[:<group|gid>]")')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Working directory inside the container')
            [CompletionResult]::new('--workdir', '--workdir', [CompletionResultType]::ParameterName, 'Working directory inside the container')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Detached mode: run command in the background')
            [CompletionResult]::new('--detach', '--detach', [CompletionResultType]::ParameterName, 'Detached mode: run command in the background')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Keep STDIN open even if not attached')
            [CompletionResult]::new('--interactive', '--interactive', [CompletionResultType]::ParameterName, 'Keep STDIN open even if not attached')
            [CompletionResult]::new('--privileged', '--privileged', [CompletionResultType]::ParameterName, 'Give extended privileges to the command')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Allocate a pseudo-TTY')
            [CompletionResult]::new('--tty', '--tty', [CompletionResultType]::ParameterName, 'Allocate a pseudo-TTY')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;kill' {
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Signal to send to the container')
            [CompletionResult]::new('--signal', '--signal', [CompletionResultType]::ParameterName, 'Signal to send to the container')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;start' {
            [CompletionResult]::new('--checkpoint', '--checkpoint', [CompletionResultType]::ParameterName, 'Restore from this checkpoint')
            [CompletionResult]::new('--checkpoint-dir', '--checkpoint-dir', [CompletionResultType]::ParameterName, 'Use a custom checkpoint storage directory')
            [CompletionResult]::new('--detach-keys', '--detach-keys', [CompletionResultType]::ParameterName, 'Override the key sequence for detaching a container')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Attach STDOUT/STDERR and forward signals')
            [CompletionResult]::new('--attach', '--attach', [CompletionResultType]::ParameterName, 'Attach STDOUT/STDERR and forward signals')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Attach container''s STDIN')
            [CompletionResult]::new('--interactive', '--interactive', [CompletionResultType]::ParameterName, 'Attach container''s STDIN')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;wait' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;restart' {
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Signal to send to the container')
            [CompletionResult]::new('--signal', '--signal', [CompletionResultType]::ParameterName, 'Signal to send to the container')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Seconds to wait before killing the container')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait before killing the container')
            [CompletionResult]::new('--time', '--time', [CompletionResultType]::ParameterName, 'Seconds to wait before killing the container (deprecated: use --timeout)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;tag' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;push' {
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Push all tags of an image to the repository')
            [CompletionResult]::new('--all-tags', '--all-tags', [CompletionResultType]::ParameterName, 'Push all tags of an image to the repository')
            [CompletionResult]::new('--disable-content-trust', '--disable-content-trust', [CompletionResultType]::ParameterName, 'Skip image signing')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Push a platform-specific manifest as a single-platform image to the registry. Image index won''t be pushed, meaning that other manifests, including attestations won''t be preserved. ''os[/arch[/variant]]'': Explicit platform (eg. linux/amd64)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Suppress verbose output')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Suppress verbose output')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: auto, tty, plain, json or quiet (dkr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;create' {
            [CompletionResult]::new('--pull', '--pull', [CompletionResultType]::ParameterName, 'Pull image before creating ("always", "|missing", "never")')
            [CompletionResult]::new('--add-host', '--add-host', [CompletionResultType]::ParameterName, 'Add a custom host-to-IP mapping (host:ip)')
            [CompletionResult]::new('--annotation', '--annotation', [CompletionResultType]::ParameterName, 'Add an annotation to the container (passed through to the OCI runtime)')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Attach to STDIN, STDOUT or STDERR')
            [CompletionResult]::new('--attach', '--attach', [CompletionResultType]::ParameterName, 'Attach to STDIN, STDOUT or STDERR')
            [CompletionResult]::new('--blkio-weight', '--blkio-weight', [CompletionResultType]::ParameterName, 'Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)')
            [CompletionResult]::new('--blkio-weight-device', '--blkio-weight-device', [CompletionResultType]::ParameterName, 'Block IO weight (relative device weight)')
            [CompletionResult]::new('--cap-add', '--cap-add', [CompletionResultType]::ParameterName, 'Add Linux capabilities')
            [CompletionResult]::new('--cap-drop', '--cap-drop', [CompletionResultType]::ParameterName, 'Drop Linux capabilities')
            [CompletionResult]::new('--cgroup-parent', '--cgroup-parent', [CompletionResultType]::ParameterName, 'Optional parent cgroup for the container')
            [CompletionResult]::new('--cgroupns', '--cgroupns', [CompletionResultType]::ParameterName, 'Cgroup namespace to use (host|private)')
            [CompletionResult]::new('--cidfile', '--cidfile', [CompletionResultType]::ParameterName, 'Write the container ID to the file')
            [CompletionResult]::new('--cpu-count', '--cpu-count', [CompletionResultType]::ParameterName, 'CPU count (Windows only)')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'CPU percent (Windows only)')
            [CompletionResult]::new('--cpu-period', '--cpu-period', [CompletionResultType]::ParameterName, 'Limit CPU CFS (Completely Fair Scheduler) period')
            [CompletionResult]::new('--cpu-quota', '--cpu-quota', [CompletionResultType]::ParameterName, 'Limit CPU CFS (Completely Fair Scheduler) quota')
            [CompletionResult]::new('--cpu-rt-period', '--cpu-rt-period', [CompletionResultType]::ParameterName, 'Limit CPU real-time period in microseconds')
            [CompletionResult]::new('--cpu-rt-runtime', '--cpu-rt-runtime', [CompletionResultType]::ParameterName, 'Limit CPU real-time runtime in microseconds')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'CPU shares (relative weight)')
            [CompletionResult]::new('--cpu-shares', '--cpu-shares', [CompletionResultType]::ParameterName, 'CPU shares (relative weight)')
            [CompletionResult]::new('--cpus', '--cpus', [CompletionResultType]::ParameterName, 'Number of CPUs')
            [CompletionResult]::new('--cpuset-cpus', '--cpuset-cpus', [CompletionResultType]::ParameterName, 'CPUs in which to allow execution (0-3, 0,1)')
            [CompletionResult]::new('--cpuset-mems', '--cpuset-mems', [CompletionResultType]::ParameterName, 'MEMs in which to allow execution (0-3, 0,1)')
            [CompletionResult]::new('--device', '--device', [CompletionResultType]::ParameterName, 'Add a host device to the container')
            [CompletionResult]::new('--device-cgroup-rule', '--device-cgroup-rule', [CompletionResultType]::ParameterName, 'Add a rule to the cgroup allowed devices list')
            [CompletionResult]::new('--device-read-bps', '--device-read-bps', [CompletionResultType]::ParameterName, 'Limit read rate (bytes per second) from a device')
            [CompletionResult]::new('--device-read-iops', '--device-read-iops', [CompletionResultType]::ParameterName, 'Limit read rate (IO per second) from a device')
            [CompletionResult]::new('--device-write-bps', '--device-write-bps', [CompletionResultType]::ParameterName, 'Limit write rate (bytes per second) to a device')
            [CompletionResult]::new('--device-write-iops', '--device-write-iops', [CompletionResultType]::ParameterName, 'Limit write rate (IO per second) to a device')
            [CompletionResult]::new('--disable-content-trust', '--disable-content-trust', [CompletionResultType]::ParameterName, 'Skip image verification')
            [CompletionResult]::new('--dns', '--dns', [CompletionResultType]::ParameterName, 'Set custom DNS servers')
            [CompletionResult]::new('--dns-option', '--dns-option', [CompletionResultType]::ParameterName, 'Set DNS options')
            [CompletionResult]::new('--dns-search', '--dns-search', [CompletionResultType]::ParameterName, 'Set custom DNS search domains')
            [CompletionResult]::new('--domainname', '--domainname', [CompletionResultType]::ParameterName, 'Container NIS domain name')
            [CompletionResult]::new('--entrypoint', '--entrypoint', [CompletionResultType]::ParameterName, 'Overwrite the default ENTRYPOINT of the image')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Set environment variables')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Set environment variables')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read in a file of environment variables')
            [CompletionResult]::new('--expose', '--expose', [CompletionResultType]::ParameterName, 'Expose a port or a range of ports')
            [CompletionResult]::new('--gpus', '--gpus', [CompletionResultType]::ParameterName, 'GPU devices to add to the container (''all'' to pass all GPUs)')
            [CompletionResult]::new('--group-add', '--group-add', [CompletionResultType]::ParameterName, 'Add additional groups to join')
            [CompletionResult]::new('--health-cmd', '--health-cmd', [CompletionResultType]::ParameterName, 'Command to run to check health')
            [CompletionResult]::new('--health-interval', '--health-interval', [CompletionResultType]::ParameterName, 'Time between running the check (ms|s|m|h) (default 0s)')
            [CompletionResult]::new('--health-retries', '--health-retries', [CompletionResultType]::ParameterName, 'Consecutive failures needed to report unhealthy')
            [CompletionResult]::new('--health-start-interval', '--health-start-interval', [CompletionResultType]::ParameterName, 'Time between running the check during the start period (ms|s|m|h) (default 0s)')
            [CompletionResult]::new('--health-start-period', '--health-start-period', [CompletionResultType]::ParameterName, 'Start period for the container to initialize before starting health-retries countdown (ms|s|m|h) (default 0s)')
            [CompletionResult]::new('--health-timeout', '--health-timeout', [CompletionResultType]::ParameterName, 'Maximum time to allow one check to run (ms|s|m|h) (default 0s)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Container host name')
            [CompletionResult]::new('--hostname', '--hostname', [CompletionResultType]::ParameterName, 'Container host name')
            [CompletionResult]::new('--init', '--init', [CompletionResultType]::ParameterName, 'Run an init inside the container that forwards signals and reaps processes')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Keep STDIN open even if not attached')
            [CompletionResult]::new('--interactive', '--interactive', [CompletionResultType]::ParameterName, 'Keep STDIN open even if not attached')
            [CompletionResult]::new('--io-maxbandwidth', '--io-maxbandwidth', [CompletionResultType]::ParameterName, 'Maximum IO bandwidth limit for the system drive (Windows only)')
            [CompletionResult]::new('--io-maxiops', '--io-maxiops', [CompletionResultType]::ParameterName, 'Maximum IOps limit for the system drive (Windows only)')
            [CompletionResult]::new('--ip', '--ip', [CompletionResultType]::ParameterName, 'IPv4 address (e.g., 172.30.100.104)')
            [CompletionResult]::new('--ip6', '--ip6', [CompletionResultType]::ParameterName, 'IPv6 address (e.g., 2001:db8::33)')
            [CompletionResult]::new('--ipc', '--ipc', [CompletionResultType]::ParameterName, 'IPC mode to use')
            [CompletionResult]::new('--isolation', '--isolation', [CompletionResultType]::ParameterName, 'Container isolation technology')
            [CompletionResult]::new('--kernel-memory', '--kernel-memory', [CompletionResultType]::ParameterName, 'Kernel memory limit')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Set meta data on a container')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'Set meta data on a container')
            [CompletionResult]::new('--label-file', '--label-file', [CompletionResultType]::ParameterName, 'Read in a line delimited file of labels')
            [CompletionResult]::new('--link', '--link', [CompletionResultType]::ParameterName, 'Add link to another container')
            [CompletionResult]::new('--link-local-ip', '--link-local-ip', [CompletionResultType]::ParameterName, 'Container IPv4/IPv6 link-local addresses')
            [CompletionResult]::new('--log-driver', '--log-driver', [CompletionResultType]::ParameterName, 'Logging driver for the container')
            [CompletionResult]::new('--log-opt', '--log-opt', [CompletionResultType]::ParameterName, 'Log driver options')
            [CompletionResult]::new('--mac-address', '--mac-address', [CompletionResultType]::ParameterName, 'Container MAC address (e.g., 92:d0:c6:0a:29:33)')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'Memory limit')
            [CompletionResult]::new('--memory', '--memory', [CompletionResultType]::ParameterName, 'Memory limit')
            [CompletionResult]::new('--memory-reservation', '--memory-reservation', [CompletionResultType]::ParameterName, 'Memory soft limit')
            [CompletionResult]::new('--memory-swap', '--memory-swap', [CompletionResultType]::ParameterName, 'Swap limit equal to memory plus swap: ''-1'' to enable unlimited swap')
            [CompletionResult]::new('--memory-swappiness', '--memory-swappiness', [CompletionResultType]::ParameterName, 'Tune container memory swappiness (0 to 100) (default -1)')
            [CompletionResult]::new('--mount', '--mount', [CompletionResultType]::ParameterName, 'Attach a filesystem mount to the container')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Assign a name to the container')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'Connect a container to a network')
            [CompletionResult]::new('--network-alias', '--network-alias', [CompletionResultType]::ParameterName, 'Add network-scoped alias for the container')
            [CompletionResult]::new('--no-healthcheck', '--no-healthcheck', [CompletionResultType]::ParameterName, 'Disable any container-specified HEALTHCHECK')
            [CompletionResult]::new('--oom-kill-disable', '--oom-kill-disable', [CompletionResultType]::ParameterName, 'Disable OOM Killer')
            [CompletionResult]::new('--oom-score-adj', '--oom-score-adj', [CompletionResultType]::ParameterName, 'Tune host''s OOM preferences (-1000 to 1000)')
            [CompletionResult]::new('--pid', '--pid', [CompletionResultType]::ParameterName, 'PID namespace to use')
            [CompletionResult]::new('--pids-limit', '--pids-limit', [CompletionResultType]::ParameterName, 'Tune container pids limit (set -1 for unlimited)')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Set platform if server is multi-platform capable')
            [CompletionResult]::new('--privileged', '--privileged', [CompletionResultType]::ParameterName, 'Give extended privileges to this container')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Publish a container''s port(s) to the host')
            [CompletionResult]::new('--publish', '--publish', [CompletionResultType]::ParameterName, 'Publish a container''s port(s) to the host')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Publish all exposed ports to random ports')
            [CompletionResult]::new('--publish-all', '--publish-all', [CompletionResultType]::ParameterName, 'Publish all exposed ports to random ports')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Suppress the pull output')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Suppress the pull output')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Implicit pull''s progress on stderr: auto, tty, plain, json or quiet (dkr)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Mount the container''s root filesystem as read only')
            [CompletionResult]::new('--restart', '--restart', [CompletionResultType]::ParameterName, 'Restart policy to apply when a container exits')
            [CompletionResult]::new('--rm', '--rm', [CompletionResultType]::ParameterName, 'Automatically remove the container and its associated anonymous volumes when it exits')
            [CompletionResult]::new('--runtime', '--runtime', [CompletionResultType]::ParameterName, 'Runtime to use for this container')
            [CompletionResult]::new('--security-opt', '--security-opt', [CompletionResultType]::ParameterName, 'Security Options')
            [CompletionResult]::new('--shm-size', '--shm-size', [CompletionResultType]::ParameterName, 'Size of /dev/shm')
            [CompletionResult]::new('--stop-signal', '--stop-signal', [CompletionResultType]::ParameterName, 'Signal to stop the container')
            [CompletionResult]::new('--stop-timeout', '--stop-timeout', [CompletionResultType]::ParameterName, 'Timeout (in seconds) to stop a container')
            [CompletionResult]::new('--storage-opt', '--storage-opt', [CompletionResultType]::ParameterName, 'Storage driver options for the container')
            [CompletionResult]::new('--sysctl', '--sysctl', [CompletionResultType]::ParameterName, 'Sysctl options')
            [CompletionResult]::new('--tmpfs', '--tmpfs', [CompletionResultType]::ParameterName, 'Mount a tmpfs directory')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Allocate a pseudo-TTY')
            [CompletionResult]::new('--tty', '--tty', [CompletionResultType]::ParameterName, 'Allocate a pseudo-TTY')
            [CompletionResult]::new('--ulimit', '--ulimit', [CompletionResultType]::ParameterName, 'Ulimit options')
            [CompletionResult]::new('--use-api-socket', '--use-api-socket', [CompletionResultType]::ParameterName, 'Bind mount Docker API socket and required auth')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Username or UID (format: <name|uid>[:<group|gid>])')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Username or UID (format: <name|uid>[:<group|gid>])')
            [CompletionResult]::new('--userns', '--userns', [CompletionResultType]::ParameterName, 'User namespace to use')
            [CompletionResult]::new('--uts', '--uts', [CompletionResultType]::ParameterName, 'UTS namespace to use')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Bind mount a volume')
            [CompletionResult]::new('--volume', '--volume', [CompletionResultType]::ParameterName, 'Bind mount a volume')
            [CompletionResult]::new('--volume-driver', '--volume-driver', [CompletionResultType]::ParameterName, 'Optional volume driver for the container')
            [CompletionResult]::new('--volumes-from', '--volumes-from', [CompletionResultType]::ParameterName, 'Mount volumes from the specified container(s)')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Working directory inside the container')
            [CompletionResult]::new('--workdir', '--workdir', [CompletionResultType]::ParameterName, 'Working directory inside the container')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print usage')
            break
        }
        'dkr;port' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;cp' {
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Archive mode (copy all uid/gid information)')
            [CompletionResult]::new('--archive', '--archive', [CompletionResultType]::ParameterName, 'Archive mode (copy all uid/gid information)')
            [CompletionResult]::new('-L', '-L ', [CompletionResultType]::ParameterName, 'Always follow symbol link in SRC_PATH')
            [CompletionResult]::new('--follow-link', '--follow-link', [CompletionResultType]::ParameterName, 'Always follow symbol link in SRC_PATH')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Suppress progress output during copy. Progress output is automatically suppressed if no terminal is attached')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Suppress progress output during copy. Progress output is automatically suppressed if no terminal is attached')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dkr;login' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Password or Personal Access Token (PAT)')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Password or Personal Access Token (PAT)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Take the Password or Personal Access Token (PAT) from stdin')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Username')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Username')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dkr;logout' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dkr;version' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Format output using a custom template: ''json'':             Print in JSON format ''TEMPLATE'':         Print output using the given Go template. Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Format output using a custom template: ''json'':             Print in JSON format ''TEMPLATE'':         Print output using the given Go template. Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;container' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Create and run a new container from an image')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List containers')
            [CompletionResult]::new('ps', 'ps', [CompletionResultType]::ParameterValue, 'List containers')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List containers')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop one or more running containers')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'Fetch the logs of a container')
            [CompletionResult]::new('commit', 'commit', [CompletionResultType]::ParameterValue, 'Create a new image from a container''s changes')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove one or more containers')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove one or more containers')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Display detailed information on one or more containers')
            [CompletionResult]::new('exec', 'exec', [CompletionResultType]::ParameterValue, 'Execute a command in a running container')
            [CompletionResult]::new('kill', 'kill', [CompletionResultType]::ParameterValue, 'Kill one or more running containers')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start one or more stopped containers')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Block until one or more containers stop, then print their exit codes')
            [CompletionResult]::new('restart', 'restart', [CompletionResultType]::ParameterValue, 'Restart one or more containers')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a new container')
            [CompletionResult]::new('port', 'port', [CompletionResultType]::ParameterValue, 'List port mappings or a specific mapping for the container')
            [CompletionResult]::new('cp', 'cp', [CompletionResultType]::ParameterValue, 'Copy files/folders between a container and the local filesystem')
            break
        }
        'dkr;container;run' {
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Run container in background and print container ID')
            [CompletionResult]::new('--detach', '--detach', [CompletionResultType]::ParameterName, 'Run container in background and print container ID')
            [CompletionResult]::new('--detach-keys', '--detach-keys', [CompletionResultType]::ParameterName, 'Override the key sequence for detaching a container')
            [CompletionResult]::new('--pull', '--pull', [CompletionResultType]::ParameterName, 'Pull image before running ("always", "missing", "never")')
            [CompletionResult]::new('--sig-proxy', '--sig-proxy', [CompletionResultType]::ParameterName, 'Proxy received signals to the process')
            [CompletionResult]::new('--add-host', '--add-host', [CompletionResultType]::ParameterName, 'Add a custom host-to-IP mapping (host:ip)')
            [CompletionResult]::new('--annotation', '--annotation', [CompletionResultType]::ParameterName, 'Add an annotation to the container (passed through to the OCI runtime)')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Attach to STDIN, STDOUT or STDERR')
            [CompletionResult]::new('--attach', '--attach', [CompletionResultType]::ParameterName, 'Attach to STDIN, STDOUT or STDERR')
            [CompletionResult]::new('--blkio-weight', '--blkio-weight', [CompletionResultType]::ParameterName, 'Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)')
            [CompletionResult]::new('--blkio-weight-device', '--blkio-weight-device', [CompletionResultType]::ParameterName, 'Block IO weight (relative device weight)')
            [CompletionResult]::new('--cap-add', '--cap-add', [CompletionResultType]::ParameterName, 'Add Linux capabilities')
            [CompletionResult]::new('--cap-drop', '--cap-drop', [CompletionResultType]::ParameterName, 'Drop Linux capabilities')
            [CompletionResult]::new('--cgroup-parent', '--cgroup-parent', [CompletionResultType]::ParameterName, 'Optional parent cgroup for the container')
            [CompletionResult]::new('--cgroupns', '--cgroupns', [CompletionResultType]::ParameterName, 'Cgroup namespace to use (host|private)')
            [CompletionResult]::new('--cidfile', '--cidfile', [CompletionResultType]::ParameterName, 'Write the container ID to the file')
            [CompletionResult]::new('--cpu-count', '--cpu-count', [CompletionResultType]::ParameterName, 'CPU count (Windows only)')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'CPU percent (Windows only)')
            [CompletionResult]::new('--cpu-period', '--cpu-period', [CompletionResultType]::ParameterName, 'Limit CPU CFS (Completely Fair Scheduler) period')
            [CompletionResult]::new('--cpu-quota', '--cpu-quota', [CompletionResultType]::ParameterName, 'Limit CPU CFS (Completely Fair Scheduler) quota')
            [CompletionResult]::new('--cpu-rt-period', '--cpu-rt-period', [CompletionResultType]::ParameterName, 'Limit CPU real-time period in microseconds')
            [CompletionResult]::new('--cpu-rt-runtime', '--cpu-rt-runtime', [CompletionResultType]::ParameterName, 'Limit CPU real-time runtime in microseconds')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'CPU shares (relative weight)')
            [CompletionResult]::new('--cpu-shares', '--cpu-shares', [CompletionResultType]::ParameterName, 'CPU shares (relative weight)')
            [CompletionResult]::new('--cpus', '--cpus', [CompletionResultType]::ParameterName, 'Number of CPUs')
            [CompletionResult]::new('--cpuset-cpus', '--cpuset-cpus', [CompletionResultType]::ParameterName, 'CPUs in which to allow execution (0-3, 0,1)')
            [CompletionResult]::new('--cpuset-mems', '--cpuset-mems', [CompletionResultType]::ParameterName, 'MEMs in which to allow execution (0-3, 0,1)')
            [CompletionResult]::new('--device', '--device', [CompletionResultType]::ParameterName, 'Add a host device to the container')
            [CompletionResult]::new('--device-cgroup-rule', '--device-cgroup-rule', [CompletionResultType]::ParameterName, 'Add a rule to the cgroup allowed devices list')
            [CompletionResult]::new('--device-read-bps', '--device-read-bps', [CompletionResultType]::ParameterName, 'Limit read rate (bytes per second) from a device')
            [CompletionResult]::new('--device-read-iops', '--device-read-iops', [CompletionResultType]::ParameterName, 'Limit read rate (IO per second) from a device')
            [CompletionResult]::new('--device-write-bps', '--device-write-bps', [CompletionResultType]::ParameterName, 'Limit write rate (bytes per second) to a device')
            [CompletionResult]::new('--device-write-iops', '--device-write-iops', [CompletionResultType]::ParameterName, 'Limit write rate (IO per second) to a device')
            [CompletionResult]::new('--disable-content-trust', '--disable-content-trust', [CompletionResultType]::ParameterName, 'Skip image verification')
            [CompletionResult]::new('--dns', '--dns', [CompletionResultType]::ParameterName, 'Set custom DNS servers')
            [CompletionResult]::new('--dns-option', '--dns-option', [CompletionResultType]::ParameterName, 'Set DNS options')
            [CompletionResult]::new('--dns-search', '--dns-search', [CompletionResultType]::ParameterName, 'Set custom DNS search domains')
            [CompletionResult]::new('--domainname', '--domainname', [CompletionResultType]::ParameterName, 'Container NIS domain name')
            [CompletionResult]::new('--entrypoint', '--entrypoint', [CompletionResultType]::ParameterName, 'Overwrite the default ENTRYPOINT of the image')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Set environment variables')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Set environment variables')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read in a file of environment variables')
            [CompletionResult]::new('--expose', '--expose', [CompletionResultType]::ParameterName, 'Expose a port or a range of ports')
            [CompletionResult]::new('--gpus', '--gpus', [CompletionResultType]::ParameterName, 'GPU devices to add to the container (''all'' to pass all GPUs)')
            [CompletionResult]::new('--group-add', '--group-add', [CompletionResultType]::ParameterName, 'Add additional groups to join')
            [CompletionResult]::new('--health-cmd', '--health-cmd', [CompletionResultType]::ParameterName, 'Command to run to check health')
            [CompletionResult]::new('--health-interval', '--health-interval', [CompletionResultType]::ParameterName, 'Time between running the check (ms|s|m|h) (default 0s)')
            [CompletionResult]::new('--health-retries', '--health-retries', [CompletionResultType]::ParameterName, 'Consecutive failures needed to report unhealthy')
            [CompletionResult]::new('--health-start-interval', '--health-start-interval', [CompletionResultType]::ParameterName, 'Time between running the check during the start period (ms|s|m|h) (default 0s)')
            [CompletionResult]::new('--health-start-period', '--health-start-period', [CompletionResultType]::ParameterName, 'Start period for the container to initialize before starting health-retries countdown (ms|s|m|h) (default 0s)')
            [CompletionResult]::new('--health-timeout', '--health-timeout', [CompletionResultType]::ParameterName, 'Maximum time to allow one check to run (ms|s|m|h) (default 0s)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Container host name')
            [CompletionResult]::new('--hostname', '--hostname', [CompletionResultType]::ParameterName, 'Container host name')
            [CompletionResult]::new('--init', '--init', [CompletionResultType]::ParameterName, 'Run an init inside the container that forwards signals and reaps processes')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Keep STDIN open even if not attached')
            [CompletionResult]::new('--interactive', '--interactive', [CompletionResultType]::ParameterName, 'Keep STDIN open even if not attached')
            [CompletionResult]::new('--io-maxbandwidth', '--io-maxbandwidth', [CompletionResultType]::ParameterName, 'Maximum IO bandwidth limit for the system drive (Windows only)')
            [CompletionResult]::new('--io-maxiops', '--io-maxiops', [CompletionResultType]::ParameterName, 'Maximum IOps limit for the system drive (Windows only)')
            [CompletionResult]::new('--ip', '--ip', [CompletionResultType]::ParameterName, 'IPv4 address (e.g., 172.30.100.104)')
            [CompletionResult]::new('--ip6', '--ip6', [CompletionResultType]::ParameterName, 'IPv6 address (e.g., 2001:db8::33)')
            [CompletionResult]::new('--ipc', '--ipc', [CompletionResultType]::ParameterName, 'IPC mode to use')
            [CompletionResult]::new('--isolation', '--isolation', [CompletionResultType]::ParameterName, 'Container isolation technology')
            [CompletionResult]::new('--kernel-memory', '--kernel-memory', [CompletionResultType]::ParameterName, 'Kernel memory limit')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Set meta data on a container')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'Set meta data on a container')
            [CompletionResult]::new('--label-file', '--label-file', [CompletionResultType]::ParameterName, 'Read in a line delimited file of labels')
            [CompletionResult]::new('--link', '--link', [CompletionResultType]::ParameterName, 'Add link to another container')
            [CompletionResult]::new('--link-local-ip', '--link-local-ip', [CompletionResultType]::ParameterName, 'Container IPv4/IPv6 link-local addresses')
            [CompletionResult]::new('--log-driver', '--log-driver', [CompletionResultType]::ParameterName, 'Logging driver for the container')
            [CompletionResult]::new('--log-opt', '--log-opt', [CompletionResultType]::ParameterName, 'Log driver options')
            [CompletionResult]::new('--mac-address', '--mac-address', [CompletionResultType]::ParameterName, 'Container MAC address (e.g., 92:d0:c6:0a:29:33)')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'Memory limit')
            [CompletionResult]::new('--memory', '--memory', [CompletionResultType]::ParameterName, 'Memory limit')
            [CompletionResult]::new('--memory-reservation', '--memory-reservation', [CompletionResultType]::ParameterName, 'Memory soft limit')
            [CompletionResult]::new('--memory-swap', '--memory-swap', [CompletionResultType]::ParameterName, 'Swap limit equal to memory plus swap: ''-1'' to enable unlimited swap')
            [CompletionResult]::new('--memory-swappiness', '--memory-swappiness', [CompletionResultType]::ParameterName, 'Tune container memory swappiness (0 to 100) (default -1)')
            [CompletionResult]::new('--mount', '--mount', [CompletionResultType]::ParameterName, 'Attach a filesystem mount to the container')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Assign a name to the container')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'Connect a container to a network')
            [CompletionResult]::new('--network-alias', '--network-alias', [CompletionResultType]::ParameterName, 'Add network-scoped alias for the container')
            [CompletionResult]::new('--no-healthcheck', '--no-healthcheck', [CompletionResultType]::ParameterName, 'Disable any container-specified HEALTHCHECK')
            [CompletionResult]::new('--oom-kill-disable', '--oom-kill-disable', [CompletionResultType]::ParameterName, 'Disable OOM Killer')
            [CompletionResult]::new('--oom-score-adj', '--oom-score-adj', [CompletionResultType]::ParameterName, 'Tune host''s OOM preferences (-1000 to 1000)')
            [CompletionResult]::new('--pid', '--pid', [CompletionResultType]::ParameterName, 'PID namespace to use')
            [CompletionResult]::new('--pids-limit', '--pids-limit', [CompletionResultType]::ParameterName, 'Tune container pids limit (set -1 for unlimited)')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Set platform if server is multi-platform capable')
            [CompletionResult]::new('--privileged', '--privileged', [CompletionResultType]::ParameterName, 'Give extended privileges to this container')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Publish a container''s port(s) to the host')
            [CompletionResult]::new('--publish', '--publish', [CompletionResultType]::ParameterName, 'Publish a container''s port(s) to the host')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Publish all exposed ports to random ports')
            [CompletionResult]::new('--publish-all', '--publish-all', [CompletionResultType]::ParameterName, 'Publish all exposed ports to random ports')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Suppress the pull output')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Suppress the pull output')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Implicit pull''s progress on stderr: auto, tty, plain, json or quiet (dkr)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Mount the container''s root filesystem as read only')
            [CompletionResult]::new('--restart', '--restart', [CompletionResultType]::ParameterName, 'Restart policy to apply when a container exits')
            [CompletionResult]::new('--rm', '--rm', [CompletionResultType]::ParameterName, 'Automatically remove the container and its associated anonymous volumes when it exits')
            [CompletionResult]::new('--runtime', '--runtime', [CompletionResultType]::ParameterName, 'Runtime to use for this container')
            [CompletionResult]::new('--security-opt', '--security-opt', [CompletionResultType]::ParameterName, 'Security Options')
            [CompletionResult]::new('--shm-size', '--shm-size', [CompletionResultType]::ParameterName, 'Size of /dev/shm')
            [CompletionResult]::new('--stop-signal', '--stop-signal', [CompletionResultType]::ParameterName, 'Signal to stop the container')
            [CompletionResult]::new('--stop-timeout', '--stop-timeout', [CompletionResultType]::ParameterName, 'Timeout (in seconds) to stop a container')
            [CompletionResult]::new('--storage-opt', '--storage-opt', [CompletionResultType]::ParameterName, 'Storage driver options for the container')
            [CompletionResult]::new('--sysctl', '--sysctl', [CompletionResultType]::ParameterName, 'Sysctl options')
            [CompletionResult]::new('--tmpfs', '--tmpfs', [CompletionResultType]::ParameterName, 'Mount a tmpfs directory')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Allocate a pseudo-TTY')
            [CompletionResult]::new('--tty', '--tty', [CompletionResultType]::ParameterName, 'Allocate a pseudo-TTY')
            [CompletionResult]::new('--ulimit', '--ulimit', [CompletionResultType]::ParameterName, 'Ulimit options')
            [CompletionResult]::new('--use-api-socket', '--use-api-socket', [CompletionResultType]::ParameterName, 'Bind mount Docker API socket and required auth')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Username or UID (format: <name|uid>[:<group|gid>])')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Username or UID (format: <name|uid>[:<group|gid>])')
            [CompletionResult]::new('--userns', '--userns', [CompletionResultType]::ParameterName, 'User namespace to use')
            [CompletionResult]::new('--uts', '--uts', [CompletionResultType]::ParameterName, 'UTS namespace to use')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Bind mount a volume')
            [CompletionResult]::new('--volume', '--volume', [CompletionResultType]::ParameterName, 'Bind mount a volume')
            [CompletionResult]::new('--volume-driver', '--volume-driver', [CompletionResultType]::ParameterName, 'Optional volume driver for the container')
            [CompletionResult]::new('--volumes-from', '--volumes-from', [CompletionResultType]::ParameterName, 'Mount volumes from the specified container(s)')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Working directory inside the container')
            [CompletionResult]::new('--workdir', '--workdir', [CompletionResultType]::ParameterName, 'Working directory inside the container')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print usage')
            break
        }
        'dkr;container;ls' {
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Show all containers (default shows just running)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Show all containers (default shows just running)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Filter output based on conditions provided')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Filter output based on conditions provided')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Format output using a custom template: ''table'':            Print output in table format with column headers (default) ''table TEMPLATE'':   Print output in table format using the given Go template ''json'':             Print in JSON format ''TEMPLATE'':         Print output using the given Go template. Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'One typed JSON object per line (dkr): ID, Names [..], Image, ImageID, Command, CreatedAt (RFC 3339), State, Status, Ports [{IP, PrivatePort, PublicPort, Type}], Labels {..}, Mounts [{Type, Name, Source, Destination, Driver, Mode, RW, Propagation}], Networks [..], LocalVolumes, SizeRw, SizeRootFs (bytes; null without -s)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show n last created containers (includes all states)')
            [CompletionResult]::new('--last', '--last', [CompletionResultType]::ParameterName, 'Show n last created containers (includes all states)')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Show the latest created container (includes all states)')
            [CompletionResult]::new('--latest', '--latest', [CompletionResultType]::ParameterName, 'Show the latest created container (includes all states)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Don''t truncate output')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only display container IDs')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only display container IDs')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Display total file sizes')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'Display total file sizes')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Keep watching: redraw on changes, or one JSON line per change when piped (dkr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;container;ps' {
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Show all containers (default shows just running)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Show all containers (default shows just running)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Filter output based on conditions provided')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Filter output based on conditions provided')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Format output using a custom template: ''table'':            Print output in table format with column headers (default) ''table TEMPLATE'':   Print output in table format using the given Go template ''json'':             Print in JSON format ''TEMPLATE'':         Print output using the given Go template. Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'One typed JSON object per line (dkr): ID, Names [..], Image, ImageID, Command, CreatedAt (RFC 3339), State, Status, Ports [{IP, PrivatePort, PublicPort, Type}], Labels {..}, Mounts [{Type, Name, Source, Destination, Driver, Mode, RW, Propagation}], Networks [..], LocalVolumes, SizeRw, SizeRootFs (bytes; null without -s)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show n last created containers (includes all states)')
            [CompletionResult]::new('--last', '--last', [CompletionResultType]::ParameterName, 'Show n last created containers (includes all states)')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Show the latest created container (includes all states)')
            [CompletionResult]::new('--latest', '--latest', [CompletionResultType]::ParameterName, 'Show the latest created container (includes all states)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Don''t truncate output')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only display container IDs')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only display container IDs')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Display total file sizes')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'Display total file sizes')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Keep watching: redraw on changes, or one JSON line per change when piped (dkr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;container;list' {
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Show all containers (default shows just running)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Show all containers (default shows just running)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Filter output based on conditions provided')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Filter output based on conditions provided')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Format output using a custom template: ''table'':            Print output in table format with column headers (default) ''table TEMPLATE'':   Print output in table format using the given Go template ''json'':             Print in JSON format ''TEMPLATE'':         Print output using the given Go template. Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'One typed JSON object per line (dkr): ID, Names [..], Image, ImageID, Command, CreatedAt (RFC 3339), State, Status, Ports [{IP, PrivatePort, PublicPort, Type}], Labels {..}, Mounts [{Type, Name, Source, Destination, Driver, Mode, RW, Propagation}], Networks [..], LocalVolumes, SizeRw, SizeRootFs (bytes; null without -s)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show n last created containers (includes all states)')
            [CompletionResult]::new('--last', '--last', [CompletionResultType]::ParameterName, 'Show n last created containers (includes all states)')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Show the latest created container (includes all states)')
            [CompletionResult]::new('--latest', '--latest', [CompletionResultType]::ParameterName, 'Show the latest created container (includes all states)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Don''t truncate output')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only display container IDs')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only display container IDs')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Display total file sizes')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'Display total file sizes')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Keep watching: redraw on changes, or one JSON line per change when piped (dkr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;container;stop' {
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Stop all running containers (dkr)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Stop all running containers (dkr)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Stop the running containers that match a filter (dkr)')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Stop the running containers that match a filter (dkr)')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Ignore containers that do not exist (dkr)')
            [CompletionResult]::new('--ignore', '--ignore', [CompletionResultType]::ParameterName, 'Ignore containers that do not exist (dkr)')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Signal to send to the container')
            [CompletionResult]::new('--signal', '--signal', [CompletionResultType]::ParameterName, 'Signal to send to the container')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Seconds to wait before killing the container')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait before killing the container')
            [CompletionResult]::new('--time', '--time', [CompletionResultType]::ParameterName, 'Seconds to wait before killing the container (deprecated: use --timeout)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;container;logs' {
            [CompletionResult]::new('--details', '--details', [CompletionResultType]::ParameterName, 'Show extra details provided to logs')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Follow log output')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Follow log output')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Show logs since timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Number of lines to show from the end of the logs')
            [CompletionResult]::new('--tail', '--tail', [CompletionResultType]::ParameterName, 'Number of lines to show from the end of the logs')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Show timestamps')
            [CompletionResult]::new('--timestamps', '--timestamps', [CompletionResultType]::ParameterName, 'Show timestamps')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Show logs before a timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Show the logs of the containers that match these conditions, merged (dkr)')
            [CompletionResult]::new('--no-prefix', '--no-prefix', [CompletionResultType]::ParameterName, 'Don''t prefix merged lines with the container''s name (dkr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Don''t colour the prefixes of merged lines (dkr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;container;commit' {
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Author (e.g., "John Hannibal Smith <hannibal@a-team.com>")')
            [CompletionResult]::new('--author', '--author', [CompletionResultType]::ParameterName, 'Author (e.g., "John Hannibal Smith <hannibal@a-team.com>")')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Apply Dockerfile instruction to the created image')
            [CompletionResult]::new('--change', '--change', [CompletionResultType]::ParameterName, 'Apply Dockerfile instruction to the created image')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'Commit message')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'Commit message')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Pause container during commit')
            [CompletionResult]::new('--pause', '--pause', [CompletionResultType]::ParameterName, 'Pause container during commit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;container;rm' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Force the removal of a running container (uses SIGKILL)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Force the removal of a running container (uses SIGKILL)')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Remove the specified link')
            [CompletionResult]::new('--link', '--link', [CompletionResultType]::ParameterName, 'Remove the specified link')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Remove anonymous volumes associated with the container')
            [CompletionResult]::new('--volumes', '--volumes', [CompletionResultType]::ParameterName, 'Remove anonymous volumes associated with the container')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;container;remove' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Force the removal of a running container (uses SIGKILL)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Force the removal of a running container (uses SIGKILL)')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Remove the specified link')
            [CompletionResult]::new('--link', '--link', [CompletionResultType]::ParameterName, 'Remove the specified link')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Remove anonymous volumes associated with the container')
            [CompletionResult]::new('--volumes', '--volumes', [CompletionResultType]::ParameterName, 'Remove anonymous volumes associated with the container')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;container;inspect' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Format output using a custom template: ''json'':             Print in JSON format ''TEMPLATE'':         Print output using the given Go template. Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Format output using a custom template: ''json'':             Print in JSON format ''TEMPLATE'':         Print output using the given Go template. Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Display total file sizes')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'Display total file sizes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;container;exec' {
            [CompletionResult]::new('--detach-keys', '--detach-keys', [CompletionResultType]::ParameterName, 'Override the key sequence for detaching a container')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Set environment variables')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Set environment variables')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read in a file of environment variables')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Username or UID (format: "<name|uid>[:<group|gid>]")')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Username or UID (format: "<name|uid>[:<group|gid>]")')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Working directory inside the container')
            [CompletionResult]::new('--workdir', '--workdir', [CompletionResultType]::ParameterName, 'Working directory inside the container')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Detached mode: run command in the background')
            [CompletionResult]::new('--detach', '--detach', [CompletionResultType]::ParameterName, 'Detached mode: run command in the background')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Keep STDIN open even if not attached')
            [CompletionResult]::new('--interactive', '--interactive', [CompletionResultType]::ParameterName, 'Keep STDIN open even if not attached')
            [CompletionResult]::new('--privileged', '--privileged', [CompletionResultType]::ParameterName, 'Give extended privileges to the command')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Allocate a pseudo-TTY')
            [CompletionResult]::new('--tty', '--tty', [CompletionResultType]::ParameterName, 'Allocate a pseudo-TTY')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;container;kill' {
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Signal to send to the container')
            [CompletionResult]::new('--signal', '--signal', [CompletionResultType]::ParameterName, 'Signal to send to the container')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;container;start' {
            [CompletionResult]::new('--checkpoint', '--checkpoint', [CompletionResultType]::ParameterName, 'Restore from this checkpoint')
            [CompletionResult]::new('--checkpoint-dir', '--checkpoint-dir', [CompletionResultType]::ParameterName, 'Use a custom checkpoint storage directory')
            [CompletionResult]::new('--detach-keys', '--detach-keys', [CompletionResultType]::ParameterName, 'Override the key sequence for detaching a container')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Attach STDOUT/STDERR and forward signals')
            [CompletionResult]::new('--attach', '--attach', [CompletionResultType]::ParameterName, 'Attach STDOUT/STDERR and forward signals')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Attach container''s STDIN')
            [CompletionResult]::new('--interactive', '--interactive', [CompletionResultType]::ParameterName, 'Attach container''s STDIN')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;container;wait' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;container;restart' {
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Signal to send to the container')
            [CompletionResult]::new('--signal', '--signal', [CompletionResultType]::ParameterName, 'Signal to send to the container')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Seconds to wait before killing the container')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait before killing the container')
            [CompletionResult]::new('--time', '--time', [CompletionResultType]::ParameterName, 'Seconds to wait before killing the container (deprecated: use --timeout)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;container;create' {
            [CompletionResult]::new('--pull', '--pull', [CompletionResultType]::ParameterName, 'Pull image before creating ("always", "|missing", "never")')
            [CompletionResult]::new('--add-host', '--add-host', [CompletionResultType]::ParameterName, 'Add a custom host-to-IP mapping (host:ip)')
            [CompletionResult]::new('--annotation', '--annotation', [CompletionResultType]::ParameterName, 'Add an annotation to the container (passed through to the OCI runtime)')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Attach to STDIN, STDOUT or STDERR')
            [CompletionResult]::new('--attach', '--attach', [CompletionResultType]::ParameterName, 'Attach to STDIN, STDOUT or STDERR')
            [CompletionResult]::new('--blkio-weight', '--blkio-weight', [CompletionResultType]::ParameterName, 'Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)')
            [CompletionResult]::new('--blkio-weight-device', '--blkio-weight-device', [CompletionResultType]::ParameterName, 'Block IO weight (relative device weight)')
            [CompletionResult]::new('--cap-add', '--cap-add', [CompletionResultType]::ParameterName, 'Add Linux capabilities')
            [CompletionResult]::new('--cap-drop', '--cap-drop', [CompletionResultType]::ParameterName, 'Drop Linux capabilities')
            [CompletionResult]::new('--cgroup-parent', '--cgroup-parent', [CompletionResultType]::ParameterName, 'Optional parent cgroup for the container')
            [CompletionResult]::new('--cgroupns', '--cgroupns', [CompletionResultType]::ParameterName, 'Cgroup namespace to use (host|private)')
            [CompletionResult]::new('--cidfile', '--cidfile', [CompletionResultType]::ParameterName, 'Write the container ID to the file')
            [CompletionResult]::new('--cpu-count', '--cpu-count', [CompletionResultType]::ParameterName, 'CPU count (Windows only)')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'CPU percent (Windows only)')
            [CompletionResult]::new('--cpu-period', '--cpu-period', [CompletionResultType]::ParameterName, 'Limit CPU CFS (Completely Fair Scheduler) period')
            [CompletionResult]::new('--cpu-quota', '--cpu-quota', [CompletionResultType]::ParameterName, 'Limit CPU CFS (Completely Fair Scheduler) quota')
            [CompletionResult]::new('--cpu-rt-period', '--cpu-rt-period', [CompletionResultType]::ParameterName, 'Limit CPU real-time period in microseconds')
            [CompletionResult]::new('--cpu-rt-runtime', '--cpu-rt-runtime', [CompletionResultType]::ParameterName, 'Limit CPU real-time runtime in microseconds')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'CPU shares (relative weight)')
            [CompletionResult]::new('--cpu-shares', '--cpu-shares', [CompletionResultType]::ParameterName, 'CPU shares (relative weight)')
            [CompletionResult]::new('--cpus', '--cpus', [CompletionResultType]::ParameterName, 'Number of CPUs')
            [CompletionResult]::new('--cpuset-cpus', '--cpuset-cpus', [CompletionResultType]::ParameterName, 'CPUs in which to allow execution (0-3, 0,1)')
            [CompletionResult]::new('--cpuset-mems', '--cpuset-mems', [CompletionResultType]::ParameterName, 'MEMs in which to allow execution (0-3, 0,1)')
            [CompletionResult]::new('--device', '--device', [CompletionResultType]::ParameterName, 'Add a host device to the container')
            [CompletionResult]::new('--device-cgroup-rule', '--device-cgroup-rule', [CompletionResultType]::ParameterName, 'Add a rule to the cgroup allowed devices list')
            [CompletionResult]::new('--device-read-bps', '--device-read-bps', [CompletionResultType]::ParameterName, 'Limit read rate (bytes per second) from a device')
            [CompletionResult]::new('--device-read-iops', '--device-read-iops', [CompletionResultType]::ParameterName, 'Limit read rate (IO per second) from a device')
            [CompletionResult]::new('--device-write-bps', '--device-write-bps', [CompletionResultType]::ParameterName, 'Limit write rate (bytes per second) to a device')
            [CompletionResult]::new('--device-write-iops', '--device-write-iops', [CompletionResultType]::ParameterName, 'Limit write rate (IO per second) to a device')
            [CompletionResult]::new('--disable-content-trust', '--disable-content-trust', [CompletionResultType]::ParameterName, 'Skip image verification')
            [CompletionResult]::new('--dns', '--dns', [CompletionResultType]::ParameterName, 'Set custom DNS servers')
            [CompletionResult]::new('--dns-option', '--dns-option', [CompletionResultType]::ParameterName, 'Set DNS options')
            [CompletionResult]::new('--dns-search', '--dns-search', [CompletionResultType]::ParameterName, 'Set custom DNS search domains')
            [CompletionResult]::new('--domainname', '--domainname', [CompletionResultType]::ParameterName, 'Container NIS domain name')
            [CompletionResult]::new('--entrypoint', '--entrypoint', [CompletionResultType]::ParameterName, 'Overwrite the default ENTRYPOINT of the image')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Set environment variables')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Set environment variables')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read in a file of environment variables')
            [CompletionResult]::new('--expose', '--expose', [CompletionResultType]::ParameterName, 'Expose a port or a range of ports')
            [CompletionResult]::new('--gpus', '--gpus', [CompletionResultType]::ParameterName, 'GPU devices to add to the container (''all'' to pass all GPUs)')
            [CompletionResult]::new('--group-add', '--group-add', [CompletionResultType]::ParameterName, 'Add additional groups to join')
            [CompletionResult]::new('--health-cmd', '--health-cmd', [CompletionResultType]::ParameterName, 'Command to run to check health')
            [CompletionResult]::new('--health-interval', '--health-interval', [CompletionResultType]::ParameterName, 'Time between running the check (ms|s|m|h) (default 0s)')
            [CompletionResult]::new('--health-retries', '--health-retries', [CompletionResultType]::ParameterName, 'Consecutive failures needed to report unhealthy')
            [CompletionResult]::new('--health-start-interval', '--health-start-interval', [CompletionResultType]::ParameterName, 'Time between running the check during the start period (ms|s|m|h) (default 0s)')
            [CompletionResult]::new('--health-start-period', '--health-start-period', [CompletionResultType]::ParameterName, 'Start period for the container to initialize before starting health-retries countdown (ms|s|m|h) (default 0s)')
            [CompletionResult]::new('--health-timeout', '--health-timeout', [CompletionResultType]::ParameterName, 'Maximum time to allow one check to run (ms|s|m|h) (default 0s)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Container host name')
            [CompletionResult]::new('--hostname', '--hostname', [CompletionResultType]::ParameterName, 'Container host name')
            [CompletionResult]::new('--init', '--init', [CompletionResultType]::ParameterName, 'Run an init inside the container that forwards signals and reaps processes')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Keep STDIN open even if not attached')
            [CompletionResult]::new('--interactive', '--interactive', [CompletionResultType]::ParameterName, 'Keep STDIN open even if not attached')
            [CompletionResult]::new('--io-maxbandwidth', '--io-maxbandwidth', [CompletionResultType]::ParameterName, 'Maximum IO bandwidth limit for the system drive (Windows only)')
            [CompletionResult]::new('--io-maxiops', '--io-maxiops', [CompletionResultType]::ParameterName, 'Maximum IOps limit for the system drive (Windows only)')
            [CompletionResult]::new('--ip', '--ip', [CompletionResultType]::ParameterName, 'IPv4 address (e.g., 172.30.100.104)')
            [CompletionResult]::new('--ip6', '--ip6', [CompletionResultType]::ParameterName, 'IPv6 address (e.g., 2001:db8::33)')
            [CompletionResult]::new('--ipc', '--ipc', [CompletionResultType]::ParameterName, 'IPC mode to use')
            [CompletionResult]::new('--isolation', '--isolation', [CompletionResultType]::ParameterName, 'Container isolation technology')
            [CompletionResult]::new('--kernel-memory', '--kernel-memory', [CompletionResultType]::ParameterName, 'Kernel memory limit')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Set meta data on a container')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'Set meta data on a container')
            [CompletionResult]::new('--label-file', '--label-file', [CompletionResultType]::ParameterName, 'Read in a line delimited file of labels')
            [CompletionResult]::new('--link', '--link', [CompletionResultType]::ParameterName, 'Add link to another container')
            [CompletionResult]::new('--link-local-ip', '--link-local-ip', [CompletionResultType]::ParameterName, 'Container IPv4/IPv6 link-local addresses')
            [CompletionResult]::new('--log-driver', '--log-driver', [CompletionResultType]::ParameterName, 'Logging driver for the container')
            [CompletionResult]::new('--log-opt', '--log-opt', [CompletionResultType]::ParameterName, 'Log driver options')
            [CompletionResult]::new('--mac-address', '--mac-address', [CompletionResultType]::ParameterName, 'Container MAC address (e.g., 92:d0:c6:0a:29:33)')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'Memory limit')
            [CompletionResult]::new('--memory', '--memory', [CompletionResultType]::ParameterName, 'Memory limit')
            [CompletionResult]::new('--memory-reservation', '--memory-reservation', [CompletionResultType]::ParameterName, 'Memory soft limit')
            [CompletionResult]::new('--memory-swap', '--memory-swap', [CompletionResultType]::ParameterName, 'Swap limit equal to memory plus swap: ''-1'' to enable unlimited swap')
            [CompletionResult]::new('--memory-swappiness', '--memory-swappiness', [CompletionResultType]::ParameterName, 'Tune container memory swappiness (0 to 100) (default -1)')
            [CompletionResult]::new('--mount', '--mount', [CompletionResultType]::ParameterName, 'Attach a filesystem mount to the container')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Assign a name to the container')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'Connect a container to a network')
            [CompletionResult]::new('--network-alias', '--network-alias', [CompletionResultType]::ParameterName, 'Add network-scoped alias for the container')
            [CompletionResult]::new('--no-healthcheck', '--no-healthcheck', [CompletionResultType]::ParameterName, 'Disable any container-specified HEALTHCHECK')
            [CompletionResult]::new('--oom-kill-disable', '--oom-kill-disable', [CompletionResultType]::ParameterName, 'Disable OOM Killer')
            [CompletionResult]::new('--oom-score-adj', '--oom-score-adj', [CompletionResultType]::ParameterName, 'Tune host''s OOM preferences (-1000 to 1000)')
            [CompletionResult]::new('--pid', '--pid', [CompletionResultType]::ParameterName, 'PID namespace to use')
            [CompletionResult]::new('--pids-limit', '--pids-limit', [CompletionResultType]::ParameterName, 'Tune container pids limit (set -1 for unlimited)')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Set platform if server is multi-platform capable')
            [CompletionResult]::new('--privileged', '--privileged', [CompletionResultType]::ParameterName, 'Give extended privileges to this container')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Publish a container''s port(s) to the host')
            [CompletionResult]::new('--publish', '--publish', [CompletionResultType]::ParameterName, 'Publish a container''s port(s) to the host')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Publish all exposed ports to random ports')
            [CompletionResult]::new('--publish-all', '--publish-all', [CompletionResultType]::ParameterName, 'Publish all exposed ports to random ports')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Suppress the pull output')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Suppress the pull output')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Implicit pull''s progress on stderr: auto, tty, plain, json or quiet (dkr)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Mount the container''s root filesystem as read only')
            [CompletionResult]::new('--restart', '--restart', [CompletionResultType]::ParameterName, 'Restart policy to apply when a container exits')
            [CompletionResult]::new('--rm', '--rm', [CompletionResultType]::ParameterName, 'Automatically remove the container and its associated anonymous volumes when it exits')
            [CompletionResult]::new('--runtime', '--runtime', [CompletionResultType]::ParameterName, 'Runtime to use for this container')
            [CompletionResult]::new('--security-opt', '--security-opt', [CompletionResultType]::ParameterName, 'Security Options')
            [CompletionResult]::new('--shm-size', '--shm-size', [CompletionResultType]::ParameterName, 'Size of /dev/shm')
            [CompletionResult]::new('--stop-signal', '--stop-signal', [CompletionResultType]::ParameterName, 'Signal to stop the container')
            [CompletionResult]::new('--stop-timeout', '--stop-timeout', [CompletionResultType]::ParameterName, 'Timeout (in seconds) to stop a container')
            [CompletionResult]::new('--storage-opt', '--storage-opt', [CompletionResultType]::ParameterName, 'Storage driver options for the container')
            [CompletionResult]::new('--sysctl', '--sysctl', [CompletionResultType]::ParameterName, 'Sysctl options')
            [CompletionResult]::new('--tmpfs', '--tmpfs', [CompletionResultType]::ParameterName, 'Mount a tmpfs directory')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Allocate a pseudo-TTY')
            [CompletionResult]::new('--tty', '--tty', [CompletionResultType]::ParameterName, 'Allocate a pseudo-TTY')
            [CompletionResult]::new('--ulimit', '--ulimit', [CompletionResultType]::ParameterName, 'Ulimit options')
            [CompletionResult]::new('--use-api-socket', '--use-api-socket', [CompletionResultType]::ParameterName, 'Bind mount Docker API socket and required auth')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Username or UID (format: <name|uid>[:<group|gid>])')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Username or UID (format: <name|uid>[:<group|gid>])')
            [CompletionResult]::new('--userns', '--userns', [CompletionResultType]::ParameterName, 'User namespace to use')
            [CompletionResult]::new('--uts', '--uts', [CompletionResultType]::ParameterName, 'UTS namespace to use')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Bind mount a volume')
            [CompletionResult]::new('--volume', '--volume', [CompletionResultType]::ParameterName, 'Bind mount a volume')
            [CompletionResult]::new('--volume-driver', '--volume-driver', [CompletionResultType]::ParameterName, 'Optional volume driver for the container')
            [CompletionResult]::new('--volumes-from', '--volumes-from', [CompletionResultType]::ParameterName, 'Mount volumes from the specified container(s)')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Working directory inside the container')
            [CompletionResult]::new('--workdir', '--workdir', [CompletionResultType]::ParameterName, 'Working directory inside the container')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print usage')
            break
        }
        'dkr;container;port' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;container;cp' {
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Archive mode (copy all uid/gid information)')
            [CompletionResult]::new('--archive', '--archive', [CompletionResultType]::ParameterName, 'Archive mode (copy all uid/gid information)')
            [CompletionResult]::new('-L', '-L ', [CompletionResultType]::ParameterName, 'Always follow symbol link in SRC_PATH')
            [CompletionResult]::new('--follow-link', '--follow-link', [CompletionResultType]::ParameterName, 'Always follow symbol link in SRC_PATH')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Suppress progress output during copy. Progress output is automatically suppressed if no terminal is attached')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Suppress progress output during copy. Progress output is automatically suppressed if no terminal is attached')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dkr;image' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List images')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List images')
            [CompletionResult]::new('pull', 'pull', [CompletionResultType]::ParameterValue, 'Download an image from a registry')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove one or more images')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove one or more images')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Display detailed information on one or more images')
            [CompletionResult]::new('tag', 'tag', [CompletionResultType]::ParameterValue, 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE')
            [CompletionResult]::new('push', 'push', [CompletionResultType]::ParameterValue, 'Upload an image to a registry')
            break
        }
        'dkr;image;ls' {
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Show all images (default hides intermediate images)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Show all images (default hides intermediate images)')
            [CompletionResult]::new('--digests', '--digests', [CompletionResultType]::ParameterName, 'Show digests')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Filter output based on conditions provided')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Filter output based on conditions provided')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Format output using a custom template: ''table'':            Print output in table format with column headers (default) ''table TEMPLATE'':   Print output in table format using the given Go template ''json'':             Print in JSON format ''TEMPLATE'':         Print output using the given Go template. Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'One typed JSON object per line (dkr): one per image: ID, ParentID, RepoTags [..], RepoDigests [..], CreatedAt (RFC 3339), Size, SharedSize, UniqueSize (bytes), Containers, Labels {..}; null when unknown')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Don''t truncate output')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only show image IDs')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only show image IDs')
            [CompletionResult]::new('--tree', '--tree', [CompletionResultType]::ParameterName, 'List multi-platform images as a tree (EXPERIMENTAL)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;image;list' {
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Show all images (default hides intermediate images)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Show all images (default hides intermediate images)')
            [CompletionResult]::new('--digests', '--digests', [CompletionResultType]::ParameterName, 'Show digests')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Filter output based on conditions provided')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Filter output based on conditions provided')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Format output using a custom template: ''table'':            Print output in table format with column headers (default) ''table TEMPLATE'':   Print output in table format using the given Go template ''json'':             Print in JSON format ''TEMPLATE'':         Print output using the given Go template. Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'One typed JSON object per line (dkr): one per image: ID, ParentID, RepoTags [..], RepoDigests [..], CreatedAt (RFC 3339), Size, SharedSize, UniqueSize (bytes), Containers, Labels {..}; null when unknown')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Don''t truncate output')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only show image IDs')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only show image IDs')
            [CompletionResult]::new('--tree', '--tree', [CompletionResultType]::ParameterName, 'List multi-platform images as a tree (EXPERIMENTAL)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;image;pull' {
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Download all tagged images in the repository')
            [CompletionResult]::new('--all-tags', '--all-tags', [CompletionResultType]::ParameterName, 'Download all tagged images in the repository')
            [CompletionResult]::new('--disable-content-trust', '--disable-content-trust', [CompletionResultType]::ParameterName, 'Skip image verification')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Set platform if server is multi-platform capable')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Suppress verbose output')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Suppress verbose output')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: auto, tty, plain, json or quiet (dkr)')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'Pull up to this many images at once (dkr)')
            [CompletionResult]::new('--retry', '--retry', [CompletionResultType]::ParameterName, 'Retry an image that failed for a transient reason this many times (dkr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;image;rm' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Force removal of the image')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Force removal of the image')
            [CompletionResult]::new('--no-prune', '--no-prune', [CompletionResultType]::ParameterName, 'Do not delete untagged parents')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Remove only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;image;remove' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Force removal of the image')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Force removal of the image')
            [CompletionResult]::new('--no-prune', '--no-prune', [CompletionResultType]::ParameterName, 'Do not delete untagged parents')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Remove only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;image;inspect' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Format output using a custom template: ''json'':             Print in JSON format ''TEMPLATE'':         Print output using the given Go template. Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Format output using a custom template: ''json'':             Print in JSON format ''TEMPLATE'':         Print output using the given Go template. Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Inspect a specific platform of the multi-platform image. If the image or the server is not multi-platform capable, the command will error out if the platform does not match. ''os[/arch[/variant]]'': Explicit platform (eg. linux/amd64)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;image;tag' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;image;push' {
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Push all tags of an image to the repository')
            [CompletionResult]::new('--all-tags', '--all-tags', [CompletionResultType]::ParameterName, 'Push all tags of an image to the repository')
            [CompletionResult]::new('--disable-content-trust', '--disable-content-trust', [CompletionResultType]::ParameterName, 'Skip image signing')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Push a platform-specific manifest as a single-platform image to the registry. Image index won''t be pushed, meaning that other manifests, including attestations won''t be preserved. ''os[/arch[/variant]]'': Explicit platform (eg. linux/amd64)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Suppress verbose output')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Suppress verbose output')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: auto, tty, plain, json or quiet (dkr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;context' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a context')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export a context to a tar archive FILE or a tar stream on STDOUT.')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import a context from a tar or zip file')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Display detailed information on one or more contexts')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List contexts')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List contexts')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove one or more contexts')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove one or more contexts')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the name of the current context')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Update a context')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Set the current docker context')
            break
        }
        'dkr;context;create' {
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'Description of the context')
            [CompletionResult]::new('--docker', '--docker', [CompletionResultType]::ParameterName, 'set the docker endpoint')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'create context from a named context')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dkr;context;export' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;context;import' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;context;inspect' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Format output using a custom template: ''json'':             Print in JSON format ''TEMPLATE'':         Print output using the given Go template. Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Format output using a custom template: ''json'':             Print in JSON format ''TEMPLATE'':         Print output using the given Go template. Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;context;ls' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Format output using a custom template: ''table'':            Print output in table format with column headers (default) ''table TEMPLATE'':   Print output in table format using the given Go template ''json'':             Print in JSON format ''TEMPLATE'':         Print output using the given Go template. Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only show context names')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only show context names')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;context;list' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Format output using a custom template: ''table'':            Print output in table format with column headers (default) ''table TEMPLATE'':   Print output in table format using the given Go template ''json'':             Print in JSON format ''TEMPLATE'':         Print output using the given Go template. Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only show context names')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only show context names')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;context;rm' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Force the removal of a context in use')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Force the removal of a context in use')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;context;remove' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Force the removal of a context in use')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Force the removal of a context in use')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;context;show' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;context;update' {
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'Description of the context')
            [CompletionResult]::new('--docker', '--docker', [CompletionResultType]::ParameterName, 'set the docker endpoint')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dkr;context;use' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;system' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('dial-stdio', 'dial-stdio', [CompletionResultType]::ParameterValue, 'Proxy the stdio stream to the daemon connection. Should not be invoked manually.')
            break
        }
        'dkr;system;dial-stdio' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dkr;completion' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('bash', 'bash', [CompletionResultType]::ParameterValue, 'Generate the autocompletion script for bash')
            [CompletionResult]::new('fish', 'fish', [CompletionResultType]::ParameterValue, 'Generate the autocompletion script for fish')
            [CompletionResult]::new('powershell', 'powershell', [CompletionResultType]::ParameterValue, 'Generate the autocompletion script for powershell')
            [CompletionResult]::new('zsh', 'zsh', [CompletionResultType]::ParameterValue, 'Generate the autocompletion script for zsh')
            break
        }
        'dkr;completion;bash' {
            [CompletionResult]::new('--no-descriptions', '--no-descriptions', [CompletionResultType]::ParameterName, 'disable completion descriptions')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dkr;completion;fish' {
            [CompletionResult]::new('--no-descriptions', '--no-descriptions', [CompletionResultType]::ParameterName, 'disable completion descriptions')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dkr;completion;powershell' {
            [CompletionResult]::new('--no-descriptions', '--no-descriptions', [CompletionResultType]::ParameterName, 'disable completion descriptions')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dkr;completion;zsh' {
            [CompletionResult]::new('--no-descriptions', '--no-descriptions', [CompletionResultType]::ParameterName, 'disable completion descriptions')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dkr;help' {
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Create and run a new container from an image')
            [CompletionResult]::new('ps', 'ps', [CompletionResultType]::ParameterValue, 'List containers')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop one or more running containers')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'Fetch the logs of a container')
            [CompletionResult]::new('images', 'images', [CompletionResultType]::ParameterValue, 'List images')
            [CompletionResult]::new('pull', 'pull', [CompletionResultType]::ParameterValue, 'Download an image from a registry')
            [CompletionResult]::new('commit', 'commit', [CompletionResultType]::ParameterValue, 'Create a new image from a container''s changes')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove one or more containers')
            [CompletionResult]::new('rmi', 'rmi', [CompletionResultType]::ParameterValue, 'Remove one or more images')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Return low-level information on Docker objects')
            [CompletionResult]::new('exec', 'exec', [CompletionResultType]::ParameterValue, 'Execute a command in a running container')
            [CompletionResult]::new('kill', 'kill', [CompletionResultType]::ParameterValue, 'Kill one or more running containers')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start one or more stopped containers')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Block until one or more containers stop, then print their exit codes')
            [CompletionResult]::new('restart', 'restart', [CompletionResultType]::ParameterValue, 'Restart one or more containers')
            [CompletionResult]::new('tag', 'tag', [CompletionResultType]::ParameterValue, 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE')
            [CompletionResult]::new('push', 'push', [CompletionResultType]::ParameterValue, 'Upload an image to a registry')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a new container')
            [CompletionResult]::new('port', 'port', [CompletionResultType]::ParameterValue, 'List port mappings or a specific mapping for the container')
            [CompletionResult]::new('cp', 'cp', [CompletionResultType]::ParameterValue, 'Copy files/folders between a container and the local filesystem')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Authenticate to a registry')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Log out from a registry')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Show the Docker version information')
            [CompletionResult]::new('container', 'container', [CompletionResultType]::ParameterValue, 'Manage containers')
            [CompletionResult]::new('image', 'image', [CompletionResultType]::ParameterValue, 'Manage images')
            [CompletionResult]::new('context', 'context', [CompletionResultType]::ParameterValue, 'Manage contexts')
            [CompletionResult]::new('system', 'system', [CompletionResultType]::ParameterValue, 'Manage Docker')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Generate the autocompletion script for the specified shell')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'dkr;help;run' {
            break
        }
        'dkr;help;ps' {
            break
        }
        'dkr;help;stop' {
            break
        }
        'dkr;help;logs' {
            break
        }
        'dkr;help;images' {
            break
        }
        'dkr;help;pull' {
            break
        }
        'dkr;help;commit' {
            break
        }
        'dkr;help;rm' {
            break
        }
        'dkr;help;rmi' {
            break
        }
        'dkr;help;inspect' {
            break
        }
        'dkr;help;exec' {
            break
        }
        'dkr;help;kill' {
            break
        }
        'dkr;help;start' {
            break
        }
        'dkr;help;wait' {
            break
        }
        'dkr;help;restart' {
            break
        }
        'dkr;help;tag' {
            break
        }
        'dkr;help;push' {
            break
        }
        'dkr;help;create' {
            break
        }
        'dkr;help;port' {
            break
        }
        'dkr;help;cp' {
            break
        }
        'dkr;help;login' {
            break
        }
        'dkr;help;logout' {
            break
        }
        'dkr;help;version' {
            break
        }
        'dkr;help;container' {
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Create and run a new container from an image')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List containers')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop one or more running containers')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'Fetch the logs of a container')
            [CompletionResult]::new('commit', 'commit', [CompletionResultType]::ParameterValue, 'Create a new image from a container''s changes')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove one or more containers')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Display detailed information on one or more containers')
            [CompletionResult]::new('exec', 'exec', [CompletionResultType]::ParameterValue, 'Execute a command in a running container')
            [CompletionResult]::new('kill', 'kill', [CompletionResultType]::ParameterValue, 'Kill one or more running containers')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start one or more stopped containers')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Block until one or more containers stop, then print their exit codes')
            [CompletionResult]::new('restart', 'restart', [CompletionResultType]::ParameterValue, 'Restart one or more containers')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a new container')
            [CompletionResult]::new('port', 'port', [CompletionResultType]::ParameterValue, 'List port mappings or a specific mapping for the container')
            [CompletionResult]::new('cp', 'cp', [CompletionResultType]::ParameterValue, 'Copy files/folders between a container and the local filesystem')
            break
        }
        'dkr;help;container;run' {
            break
        }
        'dkr;help;container;ls' {
            break
        }
        'dkr;help;container;stop' {
            break
        }
        'dkr;help;container;logs' {
            break
        }
        'dkr;help;container;commit' {
            break
        }
        'dkr;help;container;rm' {
            break
        }
        'dkr;help;container;inspect' {
            break
        }
        'dkr;help;container;exec' {
            break
        }
        'dkr;help;container;kill' {
            break
        }
        'dkr;help;container;start' {
            break
        }
        'dkr;help;container;wait' {
            break
        }
        'dkr;help;container;restart' {
            break
        }
        'dkr;help;container;create' {
            break
        }
        'dkr;help;container;port' {
            break
        }
        'dkr;help;container;cp' {
            break
        }
        'dkr;help;image' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List images')
            [CompletionResult]::new('pull', 'pull', [CompletionResultType]::ParameterValue, 'Download an image from a registry')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove one or more images')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Display detailed information on one or more images')
            [CompletionResult]::new('tag', 'tag', [CompletionResultType]::ParameterValue, 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE')
            [CompletionResult]::new('push', 'push', [CompletionResultType]::ParameterValue, 'Upload an image to a registry')
            break
        }
        'dkr;help;image;ls' {
            break
        }
        'dkr;help;image;pull' {
            break
        }
        'dkr;help;image;rm' {
            break
        }
        'dkr;help;image;inspect' {
            break
        }
        'dkr;help;image;tag' {
            break
        }
        'dkr;help;image;push' {
            break
        }
        'dkr;help;context' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a context')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export a context to a tar archive FILE or a tar stream on STDOUT.')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import a context from a tar or zip file')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Display detailed information on one or more contexts')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List contexts')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove one or more contexts')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the name of the current context')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Update a context')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Set the current docker context')
            break
        }
        'dkr;help;context;create' {
            break
        }
        'dkr;help;context;export' {
            break
        }
        'dkr;help;context;import' {
            break
        }
        'dkr;help;context;inspect' {
            break
        }
        'dkr;help;context;ls' {
            break
        }
        'dkr;help;context;rm' {
            break
        }
        'dkr;help;context;show' {
            break
        }
        'dkr;help;context;update' {
            break
        }
        'dkr;help;context;use' {
            break
        }
        'dkr;help;system' {
            [CompletionResult]::new('dial-stdio', 'dial-stdio', [CompletionResultType]::ParameterValue, 'Proxy the stdio stream to the daemon connection. Should not be invoked manually.')
            break
        }
        'dkr;help;system;dial-stdio' {
            break
        }
        'dkr;help;completion' {
            [CompletionResult]::new('bash', 'bash', [CompletionResultType]::ParameterValue, 'Generate the autocompletion script for bash')
            [CompletionResult]::new('fish', 'fish', [CompletionResultType]::ParameterValue, 'Generate the autocompletion script for fish')
            [CompletionResult]::new('powershell', 'powershell', [CompletionResultType]::ParameterValue, 'Generate the autocompletion script for powershell')
            [CompletionResult]::new('zsh', 'zsh', [CompletionResultType]::ParameterValue, 'Generate the autocompletion script for zsh')
            break
        }
        'dkr;help;completion;bash' {
            break
        }
        'dkr;help;completion;fish' {
            break
        }
        'dkr;help;completion;powershell' {
            break
        }
        'dkr;help;completion;zsh' {
            break
        }
        'dkr;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}

# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_dkr_global_optspecs
    string join \n config= c/context= D/debug= H/host= l/log-level= tls= tlscacert= tlscert= tlskey= tlsverify= v/version h/help
end

function __fish_dkr_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_dkr_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_dkr_using_subcommand
    set -l cmd (__fish_dkr_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c dkr -n "__fish_dkr_needs_command" -l config -d 'Location of client config files' -r
complete -c dkr -n "__fish_dkr_needs_command" -s c -l context -d 'Name of the context to use to connect to the daemon (overrides DOCKER_HOST env var and default context set with "docker context use")' -r
complete -c dkr -n "__fish_dkr_needs_command" -s D -l debug -d 'Enable debug mode' -r
complete -c dkr -n "__fish_dkr_needs_command" -s H -l host -d 'Daemon socket to connect to' -r
complete -c dkr -n "__fish_dkr_needs_command" -s l -l log-level -d 'Set the logging level ("debug", "info", "warn", "error", "fatal")' -r
complete -c dkr -n "__fish_dkr_needs_command" -l tls -d 'Use TLS; implied by --tlsverify' -r
complete -c dkr -n "__fish_dkr_needs_command" -l tlscacert -d 'Trust certs signed only by this CA' -r
complete -c dkr -n "__fish_dkr_needs_command" -l tlscert -d 'Path to TLS certificate file' -r
complete -c dkr -n "__fish_dkr_needs_command" -l tlskey -d 'Path to TLS key file' -r
complete -c dkr -n "__fish_dkr_needs_command" -l tlsverify -d 'Use TLS and verify the remote' -r
complete -c dkr -n "__fish_dkr_needs_command" -s v -l version -d 'Print version information and quit'
complete -c dkr -n "__fish_dkr_needs_command" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_needs_command" -f -a "run" -d 'Create and run a new container from an image'
complete -c dkr -n "__fish_dkr_needs_command" -f -a "ps" -d 'List containers'
complete -c dkr -n "__fish_dkr_needs_command" -f -a "stop" -d 'Stop one or more running containers'
complete -c dkr -n "__fish_dkr_needs_command" -f -a "logs" -d 'Fetch the logs of a container'
complete -c dkr -n "__fish_dkr_needs_command" -f -a "images" -d 'List images'
complete -c dkr -n "__fish_dkr_needs_command" -f -a "pull" -d 'Download an image from a registry'
complete -c dkr -n "__fish_dkr_needs_command" -f -a "commit" -d 'Create a new image from a container\'s changes'
complete -c dkr -n "__fish_dkr_needs_command" -f -a "rm" -d 'Remove one or more containers'
complete -c dkr -n "__fish_dkr_needs_command" -f -a "rmi" -d 'Remove one or more images'
complete -c dkr -n "__fish_dkr_needs_command" -f -a "inspect" -d 'Return low-level information on Docker objects'
complete -c dkr -n "__fish_dkr_needs_command" -f -a "exec" -d 'Execute a command in a running container'
complete -c dkr -n "__fish_dkr_needs_command" -f -a "kill" -d 'Kill one or more running containers'
complete -c dkr -n "__fish_dkr_needs_command" -f -a "start" -d 'Start one or more stopped containers'
complete -c dkr -n "__fish_dkr_needs_command" -f -a "wait" -d 'Block until one or more containers stop, then print their exit codes'
complete -c dkr -n "__fish_dkr_needs_command" -f -a "restart" -d 'Restart one or more containers'
complete -c dkr -n "__fish_dkr_needs_command" -f -a "tag" -d 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE'
complete -c dkr -n "__fish_dkr_needs_command" -f -a "push" -d 'Upload an image to a registry'
complete -c dkr -n "__fish_dkr_needs_command" -f -a "create" -d 'Create a new container'
complete -c dkr -n "__fish_dkr_needs_command" -f -a "port" -d 'List port mappings or a specific mapping for the container'
complete -c dkr -n "__fish_dkr_needs_command" -f -a "cp" -d 'Copy files/folders between a container and the local filesystem'
complete -c dkr -n "__fish_dkr_needs_command" -f -a "login" -d 'Authenticate to a registry'
complete -c dkr -n "__fish_dkr_needs_command" -f -a "logout" -d 'Log out from a registry'
complete -c dkr -n "__fish_dkr_needs_command" -f -a "version" -d 'Show the Docker version information'
complete -c dkr -n "__fish_dkr_needs_command" -f -a "container" -d 'Manage containers'
complete -c dkr -n "__fish_dkr_needs_command" -f -a "image" -d 'Manage images'
complete -c dkr -n "__fish_dkr_needs_command" -f -a "context" -d 'Manage contexts'
complete -c dkr -n "__fish_dkr_needs_command" -f -a "system" -d 'Manage Docker'
complete -c dkr -n "__fish_dkr_needs_command" -f -a "completion" -d 'Generate the autocompletion script for the specified shell'
complete -c dkr -n "__fish_dkr_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c dkr -n "__fish_dkr_using_subcommand run" -s d -l detach -d 'Run container in background and print container ID' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l detach-keys -d 'Override the key sequence for detaching a container' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l pull -d 'Pull image before running ("always", "missing", "never")' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l sig-proxy -d 'Proxy received signals to the process' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l add-host -d 'Add a custom host-to-IP mapping (host:ip)' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l annotation -d 'Add an annotation to the container (passed through to the OCI runtime)' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -s a -l attach -d 'Attach to STDIN, STDOUT or STDERR' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l blkio-weight -d 'Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l blkio-weight-device -d 'Block IO weight (relative device weight)' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l cap-add -d 'Add Linux capabilities' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l cap-drop -d 'Drop Linux capabilities' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l cgroup-parent -d 'Optional parent cgroup for the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l cgroupns -d 'Cgroup namespace to use (host|private)' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l cidfile -d 'Write the container ID to the file' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l cpu-count -d 'CPU count (Windows only)' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l cpu-percent -d 'CPU percent (Windows only)' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l cpu-period -d 'Limit CPU CFS (Completely Fair Scheduler) period' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l cpu-quota -d 'Limit CPU CFS (Completely Fair Scheduler) quota' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l cpu-rt-period -d 'Limit CPU real-time period in microseconds' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l cpu-rt-runtime -d 'Limit CPU real-time runtime in microseconds' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -s c -l cpu-shares -d 'CPU shares (relative weight)' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l cpus -d 'Number of CPUs' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l cpuset-cpus -d 'CPUs in which to allow execution (0-3, 0,1)' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l cpuset-mems -d 'MEMs in which to allow execution (0-3, 0,1)' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l device -d 'Add a host device to the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l device-cgroup-rule -d 'Add a rule to the cgroup allowed devices list' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l device-read-bps -d 'Limit read rate (bytes per second) from a device' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l device-read-iops -d 'Limit read rate (IO per second) from a device' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l device-write-bps -d 'Limit write rate (bytes per second) to a device' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l device-write-iops -d 'Limit write rate (IO per second) to a device' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l disable-content-trust -d 'Skip image verification' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l dns -d 'Set custom DNS servers' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l dns-option -d 'Set DNS options' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l dns-search -d 'Set custom DNS search domains' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l domainname -d 'Container NIS domain name' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l entrypoint -d 'Overwrite the default ENTRYPOINT of the image' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -s e -l env -d 'Set environment variables' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l env-file -d 'Read in a file of environment variables' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l expose -d 'Expose a port or a range of ports' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l gpus -d 'GPU devices to add to the container (\'all\' to pass all GPUs)' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l group-add -d 'Add additional groups to join' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l health-cmd -d 'Command to run to check health' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l health-interval -d 'Time between running the check (ms|s|m|h) (default 0s)' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l health-retries -d 'Consecutive failures needed to report unhealthy' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l health-start-interval -d 'Time between running the check during the start period (ms|s|m|h) (default 0s)' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l health-start-period -d 'Start period for the container to initialize before starting health-retries countdown (ms|s|m|h) (default 0s)' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l health-timeout -d 'Maximum time to allow one check to run (ms|s|m|h) (default 0s)' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -s h -l hostname -d 'Container host name' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l init -d 'Run an init inside the container that forwards signals and reaps processes' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -s i -l interactive -d 'Keep STDIN open even if not attached' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l io-maxbandwidth -d 'Maximum IO bandwidth limit for the system drive (Windows only)' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l io-maxiops -d 'Maximum IOps limit for the system drive (Windows only)' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l ip -d 'IPv4 address (e.g., 172.30.100.104)' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l ip6 -d 'IPv6 address (e.g., 2001:db8::33)' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l ipc -d 'IPC mode to use' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l isolation -d 'Container isolation technology' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l kernel-memory -d 'Kernel memory limit' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -s l -l label -d 'Set meta data on a container' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l label-file -d 'Read in a line delimited file of labels' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l link -d 'Add link to another container' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l link-local-ip -d 'Container IPv4/IPv6 link-local addresses' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l log-driver -d 'Logging driver for the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l log-opt -d 'Log driver options' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l mac-address -d 'Container MAC address (e.g., 92:d0:c6:0a:29:33)' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -s m -l memory -d 'Memory limit' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l memory-reservation -d 'Memory soft limit' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l memory-swap -d 'Swap limit equal to memory plus swap: \'-1\' to enable unlimited swap' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l memory-swappiness -d 'Tune container memory swappiness (0 to 100) (default -1)' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l mount -d 'Attach a filesystem mount to the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l name -d 'Assign a name to the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l network -d 'Connect a container to a network' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l network-alias -d 'Add network-scoped alias for the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l no-healthcheck -d 'Disable any container-specified HEALTHCHECK' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l oom-kill-disable -d 'Disable OOM Killer' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l oom-score-adj -d 'Tune host\'s OOM preferences (-1000 to 1000)' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l pid -d 'PID namespace to use' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l pids-limit -d 'Tune container pids limit (set -1 for unlimited)' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l platform -d 'Set platform if server is multi-platform capable' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l privileged -d 'Give extended privileges to this container' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -s p -l publish -d 'Publish a container\'s port(s) to the host' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -s P -l publish-all -d 'Publish all exposed ports to random ports' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -s q -l quiet -d 'Suppress the pull output' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l progress -d 'Implicit pull\'s progress on stderr: auto, tty, plain, json or quiet (dkr)' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l read-only -d 'Mount the container\'s root filesystem as read only' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l restart -d 'Restart policy to apply when a container exits' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l rm -d 'Automatically remove the container and its associated anonymous volumes when it exits' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l runtime -d 'Runtime to use for this container' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l security-opt -d 'Security Options' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l shm-size -d 'Size of /dev/shm' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l stop-signal -d 'Signal to stop the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l stop-timeout -d 'Timeout (in seconds) to stop a container' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l storage-opt -d 'Storage driver options for the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l sysctl -d 'Sysctl options' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l tmpfs -d 'Mount a tmpfs directory' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -s t -l tty -d 'Allocate a pseudo-TTY' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l ulimit -d 'Ulimit options' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l use-api-socket -d 'Bind mount Docker API socket and required auth' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -s u -l user -d 'Username or UID (format: <name|uid>[:<group|gid>])' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l userns -d 'User namespace to use' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l uts -d 'UTS namespace to use' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -s v -l volume -d 'Bind mount a volume' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l volume-driver -d 'Optional volume driver for the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l volumes-from -d 'Mount volumes from the specified container(s)' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -s w -l workdir -d 'Working directory inside the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand run" -l help -d 'Print usage'
complete -c dkr -n "__fish_dkr_using_subcommand ps" -s a -l all -d 'Show all containers (default shows just running)' -r
complete -c dkr -n "__fish_dkr_using_subcommand ps" -s f -l filter -d 'Filter output based on conditions provided' -r
complete -c dkr -n "__fish_dkr_using_subcommand ps" -l format -d 'Format output using a custom template: \'table\':            Print output in table format with column headers (default) \'table TEMPLATE\':   Print output in table format using the given Go template \'json\':             Print in JSON format \'TEMPLATE\':         Print output using the given Go template. Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' -r
complete -c dkr -n "__fish_dkr_using_subcommand ps" -l json -d 'One typed JSON object per line (dkr): ID, Names [..], Image, ImageID, Command, CreatedAt (RFC 3339), State, Status, Ports [{IP, PrivatePort, PublicPort, Type}], Labels {..}, Mounts [{Type, Name, Source, Destination, Driver, Mode, RW, Propagation}], Networks [..], LocalVolumes, SizeRw, SizeRootFs (bytes; null without -s)' -r
complete -c dkr -n "__fish_dkr_using_subcommand ps" -s n -l last -d 'Show n last created containers (includes all states)' -r
complete -c dkr -n "__fish_dkr_using_subcommand ps" -s l -l latest -d 'Show the latest created container (includes all states)' -r
complete -c dkr -n "__fish_dkr_using_subcommand ps" -l no-trunc -d 'Don\'t truncate output' -r
complete -c dkr -n "__fish_dkr_using_subcommand ps" -s q -l quiet -d 'Only display container IDs' -r
complete -c dkr -n "__fish_dkr_using_subcommand ps" -s s -l size -d 'Display total file sizes' -r
complete -c dkr -n "__fish_dkr_using_subcommand ps" -l watch -d 'Keep watching: redraw on changes, or one JSON line per change when piped (dkr)' -r
complete -c dkr -n "__fish_dkr_using_subcommand ps" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand stop" -s a -l all -d 'Stop all running containers (dkr)' -r
complete -c dkr -n "__fish_dkr_using_subcommand stop" -s f -l filter -d 'Stop the running containers that match a filter (dkr)' -r
complete -c dkr -n "__fish_dkr_using_subcommand stop" -s i -l ignore -d 'Ignore containers that do not exist (dkr)' -r
complete -c dkr -n "__fish_dkr_using_subcommand stop" -s s -l signal -d 'Signal to send to the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand stop" -s t -l timeout -d 'Seconds to wait before killing the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand stop" -l time -d 'Seconds to wait before killing the container (deprecated: use --timeout)' -r
complete -c dkr -n "__fish_dkr_using_subcommand stop" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand logs" -l details -d 'Show extra details provided to logs' -r
complete -c dkr -n "__fish_dkr_using_subcommand logs" -s f -l follow -d 'Follow log output' -r
complete -c dkr -n "__fish_dkr_using_subcommand logs" -l since -d 'Show logs since timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)' -r
complete -c dkr -n "__fish_dkr_using_subcommand logs" -s n -l tail -d 'Number of lines to show from the end of the logs' -r
complete -c dkr -n "__fish_dkr_using_subcommand logs" -s t -l timestamps -d 'Show timestamps' -r
complete -c dkr -n "__fish_dkr_using_subcommand logs" -l until -d 'Show logs before a timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)' -r
complete -c dkr -n "__fish_dkr_using_subcommand logs" -l filter -d 'Show the logs of the containers that match these conditions, merged (dkr)' -r
complete -c dkr -n "__fish_dkr_using_subcommand logs" -l no-prefix -d 'Don\'t prefix merged lines with the container\'s name (dkr)' -r
complete -c dkr -n "__fish_dkr_using_subcommand logs" -l no-color -d 'Don\'t colour the prefixes of merged lines (dkr)' -r
complete -c dkr -n "__fish_dkr_using_subcommand logs" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand images" -s a -l all -d 'Show all images (default hides intermediate images)' -r
complete -c dkr -n "__fish_dkr_using_subcommand images" -l digests -d 'Show digests' -r
complete -c dkr -n "__fish_dkr_using_subcommand images" -s f -l filter -d 'Filter output based on conditions provided' -r
complete -c dkr -n "__fish_dkr_using_subcommand images" -l format -d 'Format output using a custom template: \'table\':            Print output in table format with column headers (default) \'table TEMPLATE\':   Print output in table format using the given Go template \'json\':             Print in JSON format \'TEMPLATE\':         Print output using the given Go template. Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' -r
complete -c dkr -n "__fish_dkr_using_subcommand images" -l json -d 'One typed JSON object per line (dkr): one per image: ID, ParentID, RepoTags [..], RepoDigests [..], CreatedAt (RFC 3339), Size, SharedSize, UniqueSize (bytes), Containers, Labels {..}; null when unknown' -r
complete -c dkr -n "__fish_dkr_using_subcommand images" -l no-trunc -d 'Don\'t truncate output' -r
complete -c dkr -n "__fish_dkr_using_subcommand images" -s q -l quiet -d 'Only show image IDs' -r
complete -c dkr -n "__fish_dkr_using_subcommand images" -l tree -d 'List multi-platform images as a tree (EXPERIMENTAL)' -r
complete -c dkr -n "__fish_dkr_using_subcommand images" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand pull" -s a -l all-tags -d 'Download all tagged images in the repository' -r
complete -c dkr -n "__fish_dkr_using_subcommand pull" -l disable-content-trust -d 'Skip image verification' -r
complete -c dkr -n "__fish_dkr_using_subcommand pull" -l platform -d 'Set platform if server is multi-platform capable' -r
complete -c dkr -n "__fish_dkr_using_subcommand pull" -s q -l quiet -d 'Suppress verbose output' -r
complete -c dkr -n "__fish_dkr_using_subcommand pull" -l progress -d 'Progress output: auto, tty, plain, json or quiet (dkr)' -r
complete -c dkr -n "__fish_dkr_using_subcommand pull" -l parallel -d 'Pull up to this many images at once (dkr)' -r
complete -c dkr -n "__fish_dkr_using_subcommand pull" -l retry -d 'Retry an image that failed for a transient reason this many times (dkr)' -r
complete -c dkr -n "__fish_dkr_using_subcommand pull" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand commit" -s a -l author -d 'Author (e.g., "John Hannibal Smith <hannibal@a-team.com>")' -r
complete -c dkr -n "__fish_dkr_using_subcommand commit" -s c -l change -d 'Apply Dockerfile instruction to the created image' -r
complete -c dkr -n "__fish_dkr_using_subcommand commit" -s m -l message -d 'Commit message' -r
complete -c dkr -n "__fish_dkr_using_subcommand commit" -s p -l pause -d 'Pause container during commit' -r
complete -c dkr -n "__fish_dkr_using_subcommand commit" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand rm" -s f -l force -d 'Force the removal of a running container (uses SIGKILL)' -r
complete -c dkr -n "__fish_dkr_using_subcommand rm" -s l -l link -d 'Remove the specified link' -r
complete -c dkr -n "__fish_dkr_using_subcommand rm" -s v -l volumes -d 'Remove anonymous volumes associated with the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand rm" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand rmi" -s f -l force -d 'Force removal of the image' -r
complete -c dkr -n "__fish_dkr_using_subcommand rmi" -l no-prune -d 'Do not delete untagged parents' -r
complete -c dkr -n "__fish_dkr_using_subcommand rmi" -l platform -d 'Remove only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")' -r
complete -c dkr -n "__fish_dkr_using_subcommand rmi" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand inspect" -s f -l format -d 'Format output using a custom template: \'json\':             Print in JSON format \'TEMPLATE\':         Print output using the given Go template. Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' -r
complete -c dkr -n "__fish_dkr_using_subcommand inspect" -s s -l size -d 'Display total file sizes if the type is container' -r
complete -c dkr -n "__fish_dkr_using_subcommand inspect" -l type -d 'Only inspect objects of the given type' -r
complete -c dkr -n "__fish_dkr_using_subcommand inspect" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand exec" -l detach-keys -d 'Override the key sequence for detaching a container' -r
complete -c dkr -n "__fish_dkr_using_subcommand exec" -s e -l env -d 'Set environment variables' -r
complete -c dkr -n "__fish_dkr_using_subcommand exec" -l env-file -d 'Read in a file of environment variables' -r
complete -c dkr -n "__fish_dkr_using_subcommand exec" -s u -l user -d 'Username or UID (format: "<name|uid>[:<group|gid>]")' -r
complete -c dkr -n "__fish_dkr_using_subcommand exec" -s w -l workdir -d 'Working directory inside the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand exec" -s d -l detach -d 'Detached mode: run command in the background'
complete -c dkr -n "__fish_dkr_using_subcommand exec" -s i -l interactive -d 'Keep STDIN open even if not attached'
complete -c dkr -n "__fish_dkr_using_subcommand exec" -l privileged -d 'Give extended privileges to the command'
complete -c dkr -n "__fish_dkr_using_subcommand exec" -s t -l tty -d 'Allocate a pseudo-TTY'
complete -c dkr -n "__fish_dkr_using_subcommand exec" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand kill" -s s -l signal -d 'Signal to send to the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand kill" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand start" -l checkpoint -d 'Restore from this checkpoint' -r
complete -c dkr -n "__fish_dkr_using_subcommand start" -l checkpoint-dir -d 'Use a custom checkpoint storage directory' -r
complete -c dkr -n "__fish_dkr_using_subcommand start" -l detach-keys -d 'Override the key sequence for detaching a container' -r
complete -c dkr -n "__fish_dkr_using_subcommand start" -s a -l attach -d 'Attach STDOUT/STDERR and forward signals'
complete -c dkr -n "__fish_dkr_using_subcommand start" -s i -l interactive -d 'Attach container\'s STDIN'
complete -c dkr -n "__fish_dkr_using_subcommand start" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand wait" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand restart" -s s -l signal -d 'Signal to send to the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand restart" -s t -l timeout -d 'Seconds to wait before killing the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand restart" -l time -d 'Seconds to wait before killing the container (deprecated: use --timeout)' -r
complete -c dkr -n "__fish_dkr_using_subcommand restart" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand tag" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand push" -s a -l all-tags -d 'Push all tags of an image to the repository' -r
complete -c dkr -n "__fish_dkr_using_subcommand push" -l disable-content-trust -d 'Skip image signing' -r
complete -c dkr -n "__fish_dkr_using_subcommand push" -l platform -d 'Push a platform-specific manifest as a single-platform image to the registry. Image index won\'t be pushed, meaning that other manifests, including attestations won\'t be preserved. \'os[/arch[/variant]]\': Explicit platform (eg. linux/amd64)' -r
complete -c dkr -n "__fish_dkr_using_subcommand push" -s q -l quiet -d 'Suppress verbose output' -r
complete -c dkr -n "__fish_dkr_using_subcommand push" -l progress -d 'Progress output: auto, tty, plain, json or quiet (dkr)' -r
complete -c dkr -n "__fish_dkr_using_subcommand push" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand create" -l pull -d 'Pull image before creating ("always", "|missing", "never")' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l add-host -d 'Add a custom host-to-IP mapping (host:ip)' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l annotation -d 'Add an annotation to the container (passed through to the OCI runtime)' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -s a -l attach -d 'Attach to STDIN, STDOUT or STDERR' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l blkio-weight -d 'Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l blkio-weight-device -d 'Block IO weight (relative device weight)' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l cap-add -d 'Add Linux capabilities' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l cap-drop -d 'Drop Linux capabilities' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l cgroup-parent -d 'Optional parent cgroup for the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l cgroupns -d 'Cgroup namespace to use (host|private)' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l cidfile -d 'Write the container ID to the file' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l cpu-count -d 'CPU count (Windows only)' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l cpu-percent -d 'CPU percent (Windows only)' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l cpu-period -d 'Limit CPU CFS (Completely Fair Scheduler) period' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l cpu-quota -d 'Limit CPU CFS (Completely Fair Scheduler) quota' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l cpu-rt-period -d 'Limit CPU real-time period in microseconds' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l cpu-rt-runtime -d 'Limit CPU real-time runtime in microseconds' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -s c -l cpu-shares -d 'CPU shares (relative weight)' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l cpus -d 'Number of CPUs' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l cpuset-cpus -d 'CPUs in which to allow execution (0-3, 0,1)' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l cpuset-mems -d 'MEMs in which to allow execution (0-3, 0,1)' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l device -d 'Add a host device to the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l device-cgroup-rule -d 'Add a rule to the cgroup allowed devices list' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l device-read-bps -d 'Limit read rate (bytes per second) from a device' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l device-read-iops -d 'Limit read rate (IO per second) from a device' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l device-write-bps -d 'Limit write rate (bytes per second) to a device' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l device-write-iops -d 'Limit write rate (IO per second) to a device' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l disable-content-trust -d 'Skip image verification' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l dns -d 'Set custom DNS servers' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l dns-option -d 'Set DNS options' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l dns-search -d 'Set custom DNS search domains' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l domainname -d 'Container NIS domain name' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l entrypoint -d 'Overwrite the default ENTRYPOINT of the image' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -s e -l env -d 'Set environment variables' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l env-file -d 'Read in a file of environment variables' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l expose -d 'Expose a port or a range of ports' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l gpus -d 'GPU devices to add to the container (\'all\' to pass all GPUs)' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l group-add -d 'Add additional groups to join' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l health-cmd -d 'Command to run to check health' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l health-interval -d 'Time between running the check (ms|s|m|h) (default 0s)' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l health-retries -d 'Consecutive failures needed to report unhealthy' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l health-start-interval -d 'Time between running the check during the start period (ms|s|m|h) (default 0s)' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l health-start-period -d 'Start period for the container to initialize before starting health-retries countdown (ms|s|m|h) (default 0s)' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l health-timeout -d 'Maximum time to allow one check to run (ms|s|m|h) (default 0s)' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -s h -l hostname -d 'Container host name' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l init -d 'Run an init inside the container that forwards signals and reaps processes' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -s i -l interactive -d 'Keep STDIN open even if not attached' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l io-maxbandwidth -d 'Maximum IO bandwidth limit for the system drive (Windows only)' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l io-maxiops -d 'Maximum IOps limit for the system drive (Windows only)' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l ip -d 'IPv4 address (e.g., 172.30.100.104)' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l ip6 -d 'IPv6 address (e.g., 2001:db8::33)' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l ipc -d 'IPC mode to use' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l isolation -d 'Container isolation technology' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l kernel-memory -d 'Kernel memory limit' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -s l -l label -d 'Set meta data on a container' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l label-file -d 'Read in a line delimited file of labels' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l link -d 'Add link to another container' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l link-local-ip -d 'Container IPv4/IPv6 link-local addresses' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l log-driver -d 'Logging driver for the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l log-opt -d 'Log driver options' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l mac-address -d 'Container MAC address (e.g., 92:d0:c6:0a:29:33)' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -s m -l memory -d 'Memory limit' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l memory-reservation -d 'Memory soft limit' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l memory-swap -d 'Swap limit equal to memory plus swap: \'-1\' to enable unlimited swap' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l memory-swappiness -d 'Tune container memory swappiness (0 to 100) (default -1)' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l mount -d 'Attach a filesystem mount to the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l name -d 'Assign a name to the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l network -d 'Connect a container to a network' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l network-alias -d 'Add network-scoped alias for the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l no-healthcheck -d 'Disable any container-specified HEALTHCHECK' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l oom-kill-disable -d 'Disable OOM Killer' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l oom-score-adj -d 'Tune host\'s OOM preferences (-1000 to 1000)' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l pid -d 'PID namespace to use' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l pids-limit -d 'Tune container pids limit (set -1 for unlimited)' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l platform -d 'Set platform if server is multi-platform capable' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l privileged -d 'Give extended privileges to this container' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -s p -l publish -d 'Publish a container\'s port(s) to the host' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -s P -l publish-all -d 'Publish all exposed ports to random ports' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -s q -l quiet -d 'Suppress the pull output' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l progress -d 'Implicit pull\'s progress on stderr: auto, tty, plain, json or quiet (dkr)' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l read-only -d 'Mount the container\'s root filesystem as read only' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l restart -d 'Restart policy to apply when a container exits' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l rm -d 'Automatically remove the container and its associated anonymous volumes when it exits' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l runtime -d 'Runtime to use for this container' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l security-opt -d 'Security Options' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l shm-size -d 'Size of /dev/shm' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l stop-signal -d 'Signal to stop the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l stop-timeout -d 'Timeout (in seconds) to stop a container' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l storage-opt -d 'Storage driver options for the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l sysctl -d 'Sysctl options' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l tmpfs -d 'Mount a tmpfs directory' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -s t -l tty -d 'Allocate a pseudo-TTY' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l ulimit -d 'Ulimit options' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l use-api-socket -d 'Bind mount Docker API socket and required auth' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -s u -l user -d 'Username or UID (format: <name|uid>[:<group|gid>])' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l userns -d 'User namespace to use' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l uts -d 'UTS namespace to use' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -s v -l volume -d 'Bind mount a volume' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l volume-driver -d 'Optional volume driver for the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l volumes-from -d 'Mount volumes from the specified container(s)' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -s w -l workdir -d 'Working directory inside the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand create" -l help -d 'Print usage'
complete -c dkr -n "__fish_dkr_using_subcommand port" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand cp" -s a -l archive -d 'Archive mode (copy all uid/gid information)' -r
complete -c dkr -n "__fish_dkr_using_subcommand cp" -s L -l follow-link -d 'Always follow symbol link in SRC_PATH' -r
complete -c dkr -n "__fish_dkr_using_subcommand cp" -s q -l quiet -d 'Suppress progress output during copy. Progress output is automatically suppressed if no terminal is attached' -r
complete -c dkr -n "__fish_dkr_using_subcommand cp" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dkr -n "__fish_dkr_using_subcommand login" -s p -l password -d 'Password or Personal Access Token (PAT)' -r
complete -c dkr -n "__fish_dkr_using_subcommand login" -l password-stdin -d 'Take the Password or Personal Access Token (PAT) from stdin' -r
complete -c dkr -n "__fish_dkr_using_subcommand login" -s u -l username -d 'Username' -r
complete -c dkr -n "__fish_dkr_using_subcommand login" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dkr -n "__fish_dkr_using_subcommand logout" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dkr -n "__fish_dkr_using_subcommand version" -s f -l format -d 'Format output using a custom template: \'json\':             Print in JSON format \'TEMPLATE\':         Print output using the given Go template. Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' -r
complete -c dkr -n "__fish_dkr_using_subcommand version" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand container; and not __fish_seen_subcommand_from run ls ps list stop logs commit rm remove inspect exec kill start wait restart create port cp" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand container; and not __fish_seen_subcommand_from run ls ps list stop logs commit rm remove inspect exec kill start wait restart create port cp" -f -a "run" -d 'Create and run a new container from an image'
complete -c dkr -n "__fish_dkr_using_subcommand container; and not __fish_seen_subcommand_from run ls ps list stop logs commit rm remove inspect exec kill start wait restart create port cp" -f -a "ls" -d 'List containers'
complete -c dkr -n "__fish_dkr_using_subcommand container; and not __fish_seen_subcommand_from run ls ps list stop logs commit rm remove inspect exec kill start wait restart create port cp" -f -a "ps" -d 'List containers'
complete -c dkr -n "__fish_dkr_using_subcommand container; and not __fish_seen_subcommand_from run ls ps list stop logs commit rm remove inspect exec kill start wait restart create port cp" -f -a "list" -d 'List containers'
complete -c dkr -n "__fish_dkr_using_subcommand container; and not __fish_seen_subcommand_from run ls ps list stop logs commit rm remove inspect exec kill start wait restart create port cp" -f -a "stop" -d 'Stop one or more running containers'
complete -c dkr -n "__fish_dkr_using_subcommand container; and not __fish_seen_subcommand_from run ls ps list stop logs commit rm remove inspect exec kill start wait restart create port cp" -f -a "logs" -d 'Fetch the logs of a container'
complete -c dkr -n "__fish_dkr_using_subcommand container; and not __fish_seen_subcommand_from run ls ps list stop logs commit rm remove inspect exec kill start wait restart create port cp" -f -a "commit" -d 'Create a new image from a container\'s changes'
complete -c dkr -n "__fish_dkr_using_subcommand container; and not __fish_seen_subcommand_from run ls ps list stop logs commit rm remove inspect exec kill start wait restart create port cp" -f -a "rm" -d 'Remove one or more containers'
complete -c dkr -n "__fish_dkr_using_subcommand container; and not __fish_seen_subcommand_from run ls ps list stop logs commit rm remove inspect exec kill start wait restart create port cp" -f -a "remove" -d 'Remove one or more containers'
complete -c dkr -n "__fish_dkr_using_subcommand container; and not __fish_seen_subcommand_from run ls ps list stop logs commit rm remove inspect exec kill start wait restart create port cp" -f -a "inspect" -d 'Display detailed information on one or more containers'
complete -c dkr -n "__fish_dkr_using_subcommand container; and not __fish_seen_subcommand_from run ls ps list stop logs commit rm remove inspect exec kill start wait restart create port cp" -f -a "exec" -d 'Execute a command in a running container'
complete -c dkr -n "__fish_dkr_using_subcommand container; and not __fish_seen_subcommand_from run ls ps list stop logs commit rm remove inspect exec kill start wait restart create port cp" -f -a "kill" -d 'Kill one or more running containers'
complete -c dkr -n "__fish_dkr_using_subcommand container; and not __fish_seen_subcommand_from run ls ps list stop logs commit rm remove inspect exec kill start wait restart create port cp" -f -a "start" -d 'Start one or more stopped containers'
complete -c dkr -n "__fish_dkr_using_subcommand container; and not __fish_seen_subcommand_from run ls ps list stop logs commit rm remove inspect exec kill start wait restart create port cp" -f -a "wait" -d 'Block until one or more containers stop, then print their exit codes'
complete -c dkr -n "__fish_dkr_using_subcommand container; and not __fish_seen_subcommand_from run ls ps list stop logs commit rm remove inspect exec kill start wait restart create port cp" -f -a "restart" -d 'Restart one or more containers'
complete -c dkr -n "__fish_dkr_using_subcommand container; and not __fish_seen_subcommand_from run ls ps list stop logs commit rm remove inspect exec kill start wait restart create port cp" -f -a "create" -d 'Create a new container'
complete -c dkr -n "__fish_dkr_using_subcommand container; and not __fish_seen_subcommand_from run ls ps list stop logs commit rm remove inspect exec kill start wait restart create port cp" -f -a "port" -d 'List port mappings or a specific mapping for the container'
complete -c dkr -n "__fish_dkr_using_subcommand container; and not __fish_seen_subcommand_from run ls ps list stop logs commit rm remove inspect exec kill start wait restart create port cp" -f -a "cp" -d 'Copy files/folders between a container and the local filesystem'
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -s d -l detach -d 'Run container in background and print container ID' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l detach-keys -d 'Override the key sequence for detaching a container' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l pull -d 'Pull image before running ("always", "missing", "never")' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l sig-proxy -d 'Proxy received signals to the process' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l add-host -d 'Add a custom host-to-IP mapping (host:ip)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l annotation -d 'Add an annotation to the container (passed through to the OCI runtime)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -s a -l attach -d 'Attach to STDIN, STDOUT or STDERR' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l blkio-weight -d 'Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l blkio-weight-device -d 'Block IO weight (relative device weight)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l cap-add -d 'Add Linux capabilities' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l cap-drop -d 'Drop Linux capabilities' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l cgroup-parent -d 'Optional parent cgroup for the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l cgroupns -d 'Cgroup namespace to use (host|private)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l cidfile -d 'Write the container ID to the file' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l cpu-count -d 'CPU count (Windows only)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l cpu-percent -d 'CPU percent (Windows only)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l cpu-period -d 'Limit CPU CFS (Completely Fair Scheduler) period' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l cpu-quota -d 'Limit CPU CFS (Completely Fair Scheduler) quota' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l cpu-rt-period -d 'Limit CPU real-time period in microseconds' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l cpu-rt-runtime -d 'Limit CPU real-time runtime in microseconds' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -s c -l cpu-shares -d 'CPU shares (relative weight)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l cpus -d 'Number of CPUs' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l cpuset-cpus -d 'CPUs in which to allow execution (0-3, 0,1)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l cpuset-mems -d 'MEMs in which to allow execution (0-3, 0,1)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l device -d 'Add a host device to the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l device-cgroup-rule -d 'Add a rule to the cgroup allowed devices list' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l device-read-bps -d 'Limit read rate (bytes per second) from a device' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l device-read-iops -d 'Limit read rate (IO per second) from a device' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l device-write-bps -d 'Limit write rate (bytes per second) to a device' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l device-write-iops -d 'Limit write rate (IO per second) to a device' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l disable-content-trust -d 'Skip image verification' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l dns -d 'Set custom DNS servers' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l dns-option -d 'Set DNS options' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l dns-search -d 'Set custom DNS search domains' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l domainname -d 'Container NIS domain name' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l entrypoint -d 'Overwrite the default ENTRYPOINT of the image' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -s e -l env -d 'Set environment variables' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l env-file -d 'Read in a file of environment variables' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l expose -d 'Expose a port or a range of ports' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l gpus -d 'GPU devices to add to the container (\'all\' to pass all GPUs)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l group-add -d 'Add additional groups to join' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l health-cmd -d 'Command to run to check health' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l health-interval -d 'Time between running the check (ms|s|m|h) (default 0s)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l health-retries -d 'Consecutive failures needed to report unhealthy' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l health-start-interval -d 'Time between running the check during the start period (ms|s|m|h) (default 0s)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l health-start-period -d 'Start period for the container to initialize before starting health-retries countdown (ms|s|m|h) (default 0s)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l health-timeout -d 'Maximum time to allow one check to run (ms|s|m|h) (default 0s)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -s h -l hostname -d 'Container host name' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l init -d 'Run an init inside the container that forwards signals and reaps processes' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -s i -l interactive -d 'Keep STDIN open even if not attached' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l io-maxbandwidth -d 'Maximum IO bandwidth limit for the system drive (Windows only)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l io-maxiops -d 'Maximum IOps limit for the system drive (Windows only)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l ip -d 'IPv4 address (e.g., 172.30.100.104)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l ip6 -d 'IPv6 address (e.g., 2001:db8::33)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l ipc -d 'IPC mode to use' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l isolation -d 'Container isolation technology' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l kernel-memory -d 'Kernel memory limit' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -s l -l label -d 'Set meta data on a container' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l label-file -d 'Read in a line delimited file of labels' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l link -d 'Add link to another container' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l link-local-ip -d 'Container IPv4/IPv6 link-local addresses' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l log-driver -d 'Logging driver for the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l log-opt -d 'Log driver options' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l mac-address -d 'Container MAC address (e.g., 92:d0:c6:0a:29:33)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -s m -l memory -d 'Memory limit' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l memory-reservation -d 'Memory soft limit' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l memory-swap -d 'Swap limit equal to memory plus swap: \'-1\' to enable unlimited swap' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l memory-swappiness -d 'Tune container memory swappiness (0 to 100) (default -1)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l mount -d 'Attach a filesystem mount to the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l name -d 'Assign a name to the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l network -d 'Connect a container to a network' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l network-alias -d 'Add network-scoped alias for the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l no-healthcheck -d 'Disable any container-specified HEALTHCHECK' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l oom-kill-disable -d 'Disable OOM Killer' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l oom-score-adj -d 'Tune host\'s OOM preferences (-1000 to 1000)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l pid -d 'PID namespace to use' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l pids-limit -d 'Tune container pids limit (set -1 for unlimited)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l platform -d 'Set platform if server is multi-platform capable' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l privileged -d 'Give extended privileges to this container' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -s p -l publish -d 'Publish a container\'s port(s) to the host' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -s P -l publish-all -d 'Publish all exposed ports to random ports' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -s q -l quiet -d 'Suppress the pull output' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l progress -d 'Implicit pull\'s progress on stderr: auto, tty, plain, json or quiet (dkr)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l read-only -d 'Mount the container\'s root filesystem as read only' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l restart -d 'Restart policy to apply when a container exits' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l rm -d 'Automatically remove the container and its associated anonymous volumes when it exits' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l runtime -d 'Runtime to use for this container' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l security-opt -d 'Security Options' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l shm-size -d 'Size of /dev/shm' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l stop-signal -d 'Signal to stop the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l stop-timeout -d 'Timeout (in seconds) to stop a container' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l storage-opt -d 'Storage driver options for the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l sysctl -d 'Sysctl options' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l tmpfs -d 'Mount a tmpfs directory' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -s t -l tty -d 'Allocate a pseudo-TTY' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l ulimit -d 'Ulimit options' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l use-api-socket -d 'Bind mount Docker API socket and required auth' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -s u -l user -d 'Username or UID (format: <name|uid>[:<group|gid>])' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l userns -d 'User namespace to use' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l uts -d 'UTS namespace to use' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -s v -l volume -d 'Bind mount a volume' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l volume-driver -d 'Optional volume driver for the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l volumes-from -d 'Mount volumes from the specified container(s)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -s w -l workdir -d 'Working directory inside the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from run" -l help -d 'Print usage'
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from ls" -s a -l all -d 'Show all containers (default shows just running)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Filter output based on conditions provided' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from ls" -l format -d 'Format output using a custom template: \'table\':            Print output in table format with column headers (default) \'table TEMPLATE\':   Print output in table format using the given Go template \'json\':             Print in JSON format \'TEMPLATE\':         Print output using the given Go template. Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from ls" -l json -d 'One typed JSON object per line (dkr): ID, Names [..], Image, ImageID, Command, CreatedAt (RFC 3339), State, Status, Ports [{IP, PrivatePort, PublicPort, Type}], Labels {..}, Mounts [{Type, Name, Source, Destination, Driver, Mode, RW, Propagation}], Networks [..], LocalVolumes, SizeRw, SizeRootFs (bytes; null without -s)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from ls" -s n -l last -d 'Show n last created containers (includes all states)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from ls" -s l -l latest -d 'Show the latest created container (includes all states)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from ls" -l no-trunc -d 'Don\'t truncate output' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Only display container IDs' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from ls" -s s -l size -d 'Display total file sizes' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from ls" -l watch -d 'Keep watching: redraw on changes, or one JSON line per change when piped (dkr)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from ps" -s a -l all -d 'Show all containers (default shows just running)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from ps" -s f -l filter -d 'Filter output based on conditions provided' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from ps" -l format -d 'Format output using a custom template: \'table\':            Print output in table format with column headers (default) \'table TEMPLATE\':   Print output in table format using the given Go template \'json\':             Print in JSON format \'TEMPLATE\':         Print output using the given Go template. Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from ps" -l json -d 'One typed JSON object per line (dkr): ID, Names [..], Image, ImageID, Command, CreatedAt (RFC 3339), State, Status, Ports [{IP, PrivatePort, PublicPort, Type}], Labels {..}, Mounts [{Type, Name, Source, Destination, Driver, Mode, RW, Propagation}], Networks [..], LocalVolumes, SizeRw, SizeRootFs (bytes; null without -s)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from ps" -s n -l last -d 'Show n last created containers (includes all states)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from ps" -s l -l latest -d 'Show the latest created container (includes all states)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from ps" -l no-trunc -d 'Don\'t truncate output' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from ps" -s q -l quiet -d 'Only display container IDs' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from ps" -s s -l size -d 'Display total file sizes' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from ps" -l watch -d 'Keep watching: redraw on changes, or one JSON line per change when piped (dkr)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from ps" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from list" -s a -l all -d 'Show all containers (default shows just running)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from list" -s f -l filter -d 'Filter output based on conditions provided' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from list" -l format -d 'Format output using a custom template: \'table\':            Print output in table format with column headers (default) \'table TEMPLATE\':   Print output in table format using the given Go template \'json\':             Print in JSON format \'TEMPLATE\':         Print output using the given Go template. Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from list" -l json -d 'One typed JSON object per line (dkr): ID, Names [..], Image, ImageID, Command, CreatedAt (RFC 3339), State, Status, Ports [{IP, PrivatePort, PublicPort, Type}], Labels {..}, Mounts [{Type, Name, Source, Destination, Driver, Mode, RW, Propagation}], Networks [..], LocalVolumes, SizeRw, SizeRootFs (bytes; null without -s)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from list" -s n -l last -d 'Show n last created containers (includes all states)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from list" -s l -l latest -d 'Show the latest created container (includes all states)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from list" -l no-trunc -d 'Don\'t truncate output' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Only display container IDs' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from list" -s s -l size -d 'Display total file sizes' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from list" -l watch -d 'Keep watching: redraw on changes, or one JSON line per change when piped (dkr)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from stop" -s a -l all -d 'Stop all running containers (dkr)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from stop" -s f -l filter -d 'Stop the running containers that match a filter (dkr)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from stop" -s i -l ignore -d 'Ignore containers that do not exist (dkr)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from stop" -s s -l signal -d 'Signal to send to the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from stop" -s t -l timeout -d 'Seconds to wait before killing the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from stop" -l time -d 'Seconds to wait before killing the container (deprecated: use --timeout)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from stop" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from logs" -l details -d 'Show extra details provided to logs' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from logs" -s f -l follow -d 'Follow log output' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from logs" -l since -d 'Show logs since timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from logs" -s n -l tail -d 'Number of lines to show from the end of the logs' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from logs" -s t -l timestamps -d 'Show timestamps' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from logs" -l until -d 'Show logs before a timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from logs" -l filter -d 'Show the logs of the containers that match these conditions, merged (dkr)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from logs" -l no-prefix -d 'Don\'t prefix merged lines with the container\'s name (dkr)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from logs" -l no-color -d 'Don\'t colour the prefixes of merged lines (dkr)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from logs" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from commit" -s a -l author -d 'Author (e.g., "John Hannibal Smith <hannibal@a-team.com>")' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from commit" -s c -l change -d 'Apply Dockerfile instruction to the created image' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from commit" -s m -l message -d 'Commit message' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from commit" -s p -l pause -d 'Pause container during commit' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from commit" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from rm" -s f -l force -d 'Force the removal of a running container (uses SIGKILL)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from rm" -s l -l link -d 'Remove the specified link' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from rm" -s v -l volumes -d 'Remove anonymous volumes associated with the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from remove" -s f -l force -d 'Force the removal of a running container (uses SIGKILL)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from remove" -s l -l link -d 'Remove the specified link' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from remove" -s v -l volumes -d 'Remove anonymous volumes associated with the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Format output using a custom template: \'json\':             Print in JSON format \'TEMPLATE\':         Print output using the given Go template. Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from inspect" -s s -l size -d 'Display total file sizes' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from exec" -l detach-keys -d 'Override the key sequence for detaching a container' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from exec" -s e -l env -d 'Set environment variables' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from exec" -l env-file -d 'Read in a file of environment variables' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from exec" -s u -l user -d 'Username or UID (format: "<name|uid>[:<group|gid>]")' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from exec" -s w -l workdir -d 'Working directory inside the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from exec" -s d -l detach -d 'Detached mode: run command in the background'
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from exec" -s i -l interactive -d 'Keep STDIN open even if not attached'
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from exec" -l privileged -d 'Give extended privileges to the command'
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from exec" -s t -l tty -d 'Allocate a pseudo-TTY'
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from exec" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from kill" -s s -l signal -d 'Signal to send to the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from kill" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from start" -l checkpoint -d 'Restore from this checkpoint' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from start" -l checkpoint-dir -d 'Use a custom checkpoint storage directory' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from start" -l detach-keys -d 'Override the key sequence for detaching a container' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from start" -s a -l attach -d 'Attach STDOUT/STDERR and forward signals'
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from start" -s i -l interactive -d 'Attach container\'s STDIN'
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from wait" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from restart" -s s -l signal -d 'Signal to send to the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from restart" -s t -l timeout -d 'Seconds to wait before killing the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from restart" -l time -d 'Seconds to wait before killing the container (deprecated: use --timeout)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from restart" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l pull -d 'Pull image before creating ("always", "|missing", "never")' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l add-host -d 'Add a custom host-to-IP mapping (host:ip)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l annotation -d 'Add an annotation to the container (passed through to the OCI runtime)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -s a -l attach -d 'Attach to STDIN, STDOUT or STDERR' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l blkio-weight -d 'Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l blkio-weight-device -d 'Block IO weight (relative device weight)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l cap-add -d 'Add Linux capabilities' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l cap-drop -d 'Drop Linux capabilities' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l cgroup-parent -d 'Optional parent cgroup for the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l cgroupns -d 'Cgroup namespace to use (host|private)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l cidfile -d 'Write the container ID to the file' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l cpu-count -d 'CPU count (Windows only)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l cpu-percent -d 'CPU percent (Windows only)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l cpu-period -d 'Limit CPU CFS (Completely Fair Scheduler) period' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l cpu-quota -d 'Limit CPU CFS (Completely Fair Scheduler) quota' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l cpu-rt-period -d 'Limit CPU real-time period in microseconds' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l cpu-rt-runtime -d 'Limit CPU real-time runtime in microseconds' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -s c -l cpu-shares -d 'CPU shares (relative weight)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l cpus -d 'Number of CPUs' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l cpuset-cpus -d 'CPUs in which to allow execution (0-3, 0,1)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l cpuset-mems -d 'MEMs in which to allow execution (0-3, 0,1)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l device -d 'Add a host device to the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l device-cgroup-rule -d 'Add a rule to the cgroup allowed devices list' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l device-read-bps -d 'Limit read rate (bytes per second) from a device' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l device-read-iops -d 'Limit read rate (IO per second) from a device' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l device-write-bps -d 'Limit write rate (bytes per second) to a device' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l device-write-iops -d 'Limit write rate (IO per second) to a device' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l disable-content-trust -d 'Skip image verification' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l dns -d 'Set custom DNS servers' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l dns-option -d 'Set DNS options' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l dns-search -d 'Set custom DNS search domains' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l domainname -d 'Container NIS domain name' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l entrypoint -d 'Overwrite the default ENTRYPOINT of the image' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -s e -l env -d 'Set environment variables' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l env-file -d 'Read in a file of environment variables' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l expose -d 'Expose a port or a range of ports' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l gpus -d 'GPU devices to add to the container (\'all\' to pass all GPUs)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l group-add -d 'Add additional groups to join' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l health-cmd -d 'Command to run to check health' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l health-interval -d 'Time between running the check (ms|s|m|h) (default 0s)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l health-retries -d 'Consecutive failures needed to report unhealthy' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l health-start-interval -d 'Time between running the check during the start period (ms|s|m|h) (default 0s)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l health-start-period -d 'Start period for the container to initialize before starting health-retries countdown (ms|s|m|h) (default 0s)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l health-timeout -d 'Maximum time to allow one check to run (ms|s|m|h) (default 0s)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -s h -l hostname -d 'Container host name' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l init -d 'Run an init inside the container that forwards signals and reaps processes' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -s i -l interactive -d 'Keep STDIN open even if not attached' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l io-maxbandwidth -d 'Maximum IO bandwidth limit for the system drive (Windows only)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l io-maxiops -d 'Maximum IOps limit for the system drive (Windows only)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l ip -d 'IPv4 address (e.g., 172.30.100.104)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l ip6 -d 'IPv6 address (e.g., 2001:db8::33)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l ipc -d 'IPC mode to use' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l isolation -d 'Container isolation technology' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l kernel-memory -d 'Kernel memory limit' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -s l -l label -d 'Set meta data on a container' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l label-file -d 'Read in a line delimited file of labels' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l link -d 'Add link to another container' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l link-local-ip -d 'Container IPv4/IPv6 link-local addresses' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l log-driver -d 'Logging driver for the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l log-opt -d 'Log driver options' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l mac-address -d 'Container MAC address (e.g., 92:d0:c6:0a:29:33)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -s m -l memory -d 'Memory limit' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l memory-reservation -d 'Memory soft limit' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l memory-swap -d 'Swap limit equal to memory plus swap: \'-1\' to enable unlimited swap' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l memory-swappiness -d 'Tune container memory swappiness (0 to 100) (default -1)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l mount -d 'Attach a filesystem mount to the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l name -d 'Assign a name to the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l network -d 'Connect a container to a network' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l network-alias -d 'Add network-scoped alias for the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l no-healthcheck -d 'Disable any container-specified HEALTHCHECK' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l oom-kill-disable -d 'Disable OOM Killer' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l oom-score-adj -d 'Tune host\'s OOM preferences (-1000 to 1000)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l pid -d 'PID namespace to use' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l pids-limit -d 'Tune container pids limit (set -1 for unlimited)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l platform -d 'Set platform if server is multi-platform capable' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l privileged -d 'Give extended privileges to this container' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -s p -l publish -d 'Publish a container\'s port(s) to the host' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -s P -l publish-all -d 'Publish all exposed ports to random ports' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Suppress the pull output' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l progress -d 'Implicit pull\'s progress on stderr: auto, tty, plain, json or quiet (dkr)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l read-only -d 'Mount the container\'s root filesystem as read only' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l restart -d 'Restart policy to apply when a container exits' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l rm -d 'Automatically remove the container and its associated anonymous volumes when it exits' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l runtime -d 'Runtime to use for this container' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l security-opt -d 'Security Options' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l shm-size -d 'Size of /dev/shm' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l stop-signal -d 'Signal to stop the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l stop-timeout -d 'Timeout (in seconds) to stop a container' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l storage-opt -d 'Storage driver options for the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l sysctl -d 'Sysctl options' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l tmpfs -d 'Mount a tmpfs directory' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -s t -l tty -d 'Allocate a pseudo-TTY' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l ulimit -d 'Ulimit options' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l use-api-socket -d 'Bind mount Docker API socket and required auth' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -s u -l user -d 'Username or UID (format: <name|uid>[:<group|gid>])' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l userns -d 'User namespace to use' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l uts -d 'UTS namespace to use' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -s v -l volume -d 'Bind mount a volume' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l volume-driver -d 'Optional volume driver for the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l volumes-from -d 'Mount volumes from the specified container(s)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -s w -l workdir -d 'Working directory inside the container' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from create" -l help -d 'Print usage'
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from port" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from cp" -s a -l archive -d 'Archive mode (copy all uid/gid information)' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from cp" -s L -l follow-link -d 'Always follow symbol link in SRC_PATH' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from cp" -s q -l quiet -d 'Suppress progress output during copy. Progress output is automatically suppressed if no terminal is attached' -r
complete -c dkr -n "__fish_dkr_using_subcommand container; and __fish_seen_subcommand_from cp" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dkr -n "__fish_dkr_using_subcommand image; and not __fish_seen_subcommand_from ls list pull rm remove inspect tag push" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand image; and not __fish_seen_subcommand_from ls list pull rm remove inspect tag push" -f -a "ls" -d 'List images'
complete -c dkr -n "__fish_dkr_using_subcommand image; and not __fish_seen_subcommand_from ls list pull rm remove inspect tag push" -f -a "list" -d 'List images'
complete -c dkr -n "__fish_dkr_using_subcommand image; and not __fish_seen_subcommand_from ls list pull rm remove inspect tag push" -f -a "pull" -d 'Download an image from a registry'
complete -c dkr -n "__fish_dkr_using_subcommand image; and not __fish_seen_subcommand_from ls list pull rm remove inspect tag push" -f -a "rm" -d 'Remove one or more images'
complete -c dkr -n "__fish_dkr_using_subcommand image; and not __fish_seen_subcommand_from ls list pull rm remove inspect tag push" -f -a "remove" -d 'Remove one or more images'
complete -c dkr -n "__fish_dkr_using_subcommand image; and not __fish_seen_subcommand_from ls list pull rm remove inspect tag push" -f -a "inspect" -d 'Display detailed information on one or more images'
complete -c dkr -n "__fish_dkr_using_subcommand image; and not __fish_seen_subcommand_from ls list pull rm remove inspect tag push" -f -a "tag" -d 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE'
complete -c dkr -n "__fish_dkr_using_subcommand image; and not __fish_seen_subcommand_from ls list pull rm remove inspect tag push" -f -a "push" -d 'Upload an image to a registry'
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from ls" -s a -l all -d 'Show all images (default hides intermediate images)' -r
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from ls" -l digests -d 'Show digests' -r
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Filter output based on conditions provided' -r
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from ls" -l format -d 'Format output using a custom template: \'table\':            Print output in table format with column headers (default) \'table TEMPLATE\':   Print output in table format using the given Go template \'json\':             Print in JSON format \'TEMPLATE\':         Print output using the given Go template. Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' -r
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from ls" -l json -d 'One typed JSON object per line (dkr): one per image: ID, ParentID, RepoTags [..], RepoDigests [..], CreatedAt (RFC 3339), Size, SharedSize, UniqueSize (bytes), Containers, Labels {..}; null when unknown' -r
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from ls" -l no-trunc -d 'Don\'t truncate output' -r
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Only show image IDs' -r
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from ls" -l tree -d 'List multi-platform images as a tree (EXPERIMENTAL)' -r
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from list" -s a -l all -d 'Show all images (default hides intermediate images)' -r
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from list" -l digests -d 'Show digests' -r
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from list" -s f -l filter -d 'Filter output based on conditions provided' -r
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from list" -l format -d 'Format output using a custom template: \'table\':            Print output in table format with column headers (default) \'table TEMPLATE\':   Print output in table format using the given Go template \'json\':             Print in JSON format \'TEMPLATE\':         Print output using the given Go template. Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' -r
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from list" -l json -d 'One typed JSON object per line (dkr): one per image: ID, ParentID, RepoTags [..], RepoDigests [..], CreatedAt (RFC 3339), Size, SharedSize, UniqueSize (bytes), Containers, Labels {..}; null when unknown' -r
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from list" -l no-trunc -d 'Don\'t truncate output' -r
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Only show image IDs' -r
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from list" -l tree -d 'List multi-platform images as a tree (EXPERIMENTAL)' -r
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from pull" -s a -l all-tags -d 'Download all tagged images in the repository' -r
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from pull" -l disable-content-trust -d 'Skip image verification' -r
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from pull" -l platform -d 'Set platform if server is multi-platform capable' -r
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from pull" -s q -l quiet -d 'Suppress verbose output' -r
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from pull" -l progress -d 'Progress output: auto, tty, plain, json or quiet (dkr)' -r
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from pull" -l parallel -d 'Pull up to this many images at once (dkr)' -r
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from pull" -l retry -d 'Retry an image that failed for a transient reason this many times (dkr)' -r
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from pull" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from rm" -s f -l force -d 'Force removal of the image' -r
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from rm" -l no-prune -d 'Do not delete untagged parents' -r
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from rm" -l platform -d 'Remove only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")' -r
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from remove" -s f -l force -d 'Force removal of the image' -r
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from remove" -l no-prune -d 'Do not delete untagged parents' -r
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from remove" -l platform -d 'Remove only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")' -r
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Format output using a custom template: \'json\':             Print in JSON format \'TEMPLATE\':         Print output using the given Go template. Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' -r
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from inspect" -l platform -d 'Inspect a specific platform of the multi-platform image. If the image or the server is not multi-platform capable, the command will error out if the platform does not match. \'os[/arch[/variant]]\': Explicit platform (eg. linux/amd64)' -r
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from tag" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from push" -s a -l all-tags -d 'Push all tags of an image to the repository' -r
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from push" -l disable-content-trust -d 'Skip image signing' -r
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from push" -l platform -d 'Push a platform-specific manifest as a single-platform image to the registry. Image index won\'t be pushed, meaning that other manifests, including attestations won\'t be preserved. \'os[/arch[/variant]]\': Explicit platform (eg. linux/amd64)' -r
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from push" -s q -l quiet -d 'Suppress verbose output' -r
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from push" -l progress -d 'Progress output: auto, tty, plain, json or quiet (dkr)' -r
complete -c dkr -n "__fish_dkr_using_subcommand image; and __fish_seen_subcommand_from push" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand context; and not __fish_seen_subcommand_from create export import inspect ls list rm remove show update use" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand context; and not __fish_seen_subcommand_from create export import inspect ls list rm remove show update use" -f -a "create" -d 'Create a context'
complete -c dkr -n "__fish_dkr_using_subcommand context; and not __fish_seen_subcommand_from create export import inspect ls list rm remove show update use" -f -a "export" -d 'Export a context to a tar archive FILE or a tar stream on STDOUT.'
complete -c dkr -n "__fish_dkr_using_subcommand context; and not __fish_seen_subcommand_from create export import inspect ls list rm remove show update use" -f -a "import" -d 'Import a context from a tar or zip file'
complete -c dkr -n "__fish_dkr_using_subcommand context; and not __fish_seen_subcommand_from create export import inspect ls list rm remove show update use" -f -a "inspect" -d 'Display detailed information on one or more contexts'
complete -c dkr -n "__fish_dkr_using_subcommand context; and not __fish_seen_subcommand_from create export import inspect ls list rm remove show update use" -f -a "ls" -d 'List contexts'
complete -c dkr -n "__fish_dkr_using_subcommand context; and not __fish_seen_subcommand_from create export import inspect ls list rm remove show update use" -f -a "list" -d 'List contexts'
complete -c dkr -n "__fish_dkr_using_subcommand context; and not __fish_seen_subcommand_from create export import inspect ls list rm remove show update use" -f -a "rm" -d 'Remove one or more contexts'
complete -c dkr -n "__fish_dkr_using_subcommand context; and not __fish_seen_subcommand_from create export import inspect ls list rm remove show update use" -f -a "remove" -d 'Remove one or more contexts'
complete -c dkr -n "__fish_dkr_using_subcommand context; and not __fish_seen_subcommand_from create export import inspect ls list rm remove show update use" -f -a "show" -d 'Print the name of the current context'
complete -c dkr -n "__fish_dkr_using_subcommand context; and not __fish_seen_subcommand_from create export import inspect ls list rm remove show update use" -f -a "update" -d 'Update a context'
complete -c dkr -n "__fish_dkr_using_subcommand context; and not __fish_seen_subcommand_from create export import inspect ls list rm remove show update use" -f -a "use" -d 'Set the current docker context'
complete -c dkr -n "__fish_dkr_using_subcommand context; and __fish_seen_subcommand_from create" -l description -d 'Description of the context' -r
complete -c dkr -n "__fish_dkr_using_subcommand context; and __fish_seen_subcommand_from create" -l docker -d 'set the docker endpoint' -r
complete -c dkr -n "__fish_dkr_using_subcommand context; and __fish_seen_subcommand_from create" -l from -d 'create context from a named context' -r
complete -c dkr -n "__fish_dkr_using_subcommand context; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dkr -n "__fish_dkr_using_subcommand context; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand context; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand context; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Format output using a custom template: \'json\':             Print in JSON format \'TEMPLATE\':         Print output using the given Go template. Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' -r
complete -c dkr -n "__fish_dkr_using_subcommand context; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand context; and __fish_seen_subcommand_from ls" -l format -d 'Format output using a custom template: \'table\':            Print output in table format with column headers (default) \'table TEMPLATE\':   Print output in table format using the given Go template \'json\':             Print in JSON format \'TEMPLATE\':         Print output using the given Go template. Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' -r
complete -c dkr -n "__fish_dkr_using_subcommand context; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Only show context names' -r
complete -c dkr -n "__fish_dkr_using_subcommand context; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand context; and __fish_seen_subcommand_from list" -l format -d 'Format output using a custom template: \'table\':            Print output in table format with column headers (default) \'table TEMPLATE\':   Print output in table format using the given Go template \'json\':             Print in JSON format \'TEMPLATE\':         Print output using the given Go template. Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' -r
complete -c dkr -n "__fish_dkr_using_subcommand context; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Only show context names' -r
complete -c dkr -n "__fish_dkr_using_subcommand context; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand context; and __fish_seen_subcommand_from rm" -s f -l force -d 'Force the removal of a context in use' -r
complete -c dkr -n "__fish_dkr_using_subcommand context; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand context; and __fish_seen_subcommand_from remove" -s f -l force -d 'Force the removal of a context in use' -r
complete -c dkr -n "__fish_dkr_using_subcommand context; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand context; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand context; and __fish_seen_subcommand_from update" -l description -d 'Description of the context' -r
complete -c dkr -n "__fish_dkr_using_subcommand context; and __fish_seen_subcommand_from update" -l docker -d 'set the docker endpoint' -r
complete -c dkr -n "__fish_dkr_using_subcommand context; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dkr -n "__fish_dkr_using_subcommand context; and __fish_seen_subcommand_from use" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand system; and not __fish_seen_subcommand_from dial-stdio" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand system; and not __fish_seen_subcommand_from dial-stdio" -f -a "dial-stdio" -d 'Proxy the stdio stream to the daemon connection. Should not be invoked manually.'
complete -c dkr -n "__fish_dkr_using_subcommand system; and __fish_seen_subcommand_from dial-stdio" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand completion; and not __fish_seen_subcommand_from bash fish powershell zsh" -s h -l help -d 'Print help'
complete -c dkr -n "__fish_dkr_using_subcommand completion; and not __fish_seen_subcommand_from bash fish powershell zsh" -f -a "bash" -d 'Generate the autocompletion script for bash'
complete -c dkr -n "__fish_dkr_using_subcommand completion; and not __fish_seen_subcommand_from bash fish powershell zsh" -f -a "fish" -d 'Generate the autocompletion script for fish'
complete -c dkr -n "__fish_dkr_using_subcommand completion; and not __fish_seen_subcommand_from bash fish powershell zsh" -f -a "powershell" -d 'Generate the autocompletion script for powershell'
complete -c dkr -n "__fish_dkr_using_subcommand completion; and not __fish_seen_subcommand_from bash fish powershell zsh" -f -a "zsh" -d 'Generate the autocompletion script for zsh'
complete -c dkr -n "__fish_dkr_using_subcommand completion; and __fish_seen_subcommand_from bash" -l no-descriptions -d 'disable completion descriptions'
complete -c dkr -n "__fish_dkr_using_subcommand completion; and __fish_seen_subcommand_from bash" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dkr -n "__fish_dkr_using_subcommand completion; and __fish_seen_subcommand_from fish" -l no-descriptions -d 'disable completion descriptions'
complete -c dkr -n "__fish_dkr_using_subcommand completion; and __fish_seen_subcommand_from fish" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dkr -n "__fish_dkr_using_subcommand completion; and __fish_seen_subcommand_from powershell" -l no-descriptions -d 'disable completion descriptions'
complete -c dkr -n "__fish_dkr_using_subcommand completion; and __fish_seen_subcommand_from powershell" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dkr -n "__fish_dkr_using_subcommand completion; and __fish_seen_subcommand_from zsh" -l no-descriptions -d 'disable completion descriptions'
complete -c dkr -n "__fish_dkr_using_subcommand completion; and __fish_seen_subcommand_from zsh" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dkr -n "__fish_dkr_using_subcommand help; and not __fish_seen_subcommand_from run ps stop logs images pull commit rm rmi inspect exec kill start wait restart tag push create port cp login logout version container image context system completion help" -f -a "run" -d 'Create and run a new container from an image'
complete -c dkr -n "__fish_dkr_using_subcommand help; and not __fish_seen_subcommand_from run ps stop logs images pull commit rm rmi inspect exec kill start wait restart tag push create port cp login logout version container image context system completion help" -f -a "ps" -d 'List containers'
complete -c dkr -n "__fish_dkr_using_subcommand help; and not __fish_seen_subcommand_from run ps stop logs images pull commit rm rmi inspect exec kill start wait restart tag push create port cp login logout version container image context system completion help" -f -a "stop" -d 'Stop one or more running containers'
complete -c dkr -n "__fish_dkr_using_subcommand help; and not __fish_seen_subcommand_from run ps stop logs images pull commit rm rmi inspect exec kill start wait restart tag push create port cp login logout version container image context system completion help" -f -a "logs" -d 'Fetch the logs of a container'
complete -c dkr -n "__fish_dkr_using_subcommand help; and not __fish_seen_subcommand_from run ps stop logs images pull commit rm rmi inspect exec kill start wait restart tag push create port cp login logout version container image context system completion help" -f -a "images" -d 'List images'
complete -c dkr -n "__fish_dkr_using_subcommand help; and not __fish_seen_subcommand_from run ps stop logs images pull commit rm rmi inspect exec kill start wait restart tag push create port cp login logout version container image context system completion help" -f -a "pull" -d 'Download an image from a registry'
complete -c dkr -n "__fish_dkr_using_subcommand help; and not __fish_seen_subcommand_from run ps stop logs images pull commit rm rmi inspect exec kill start wait restart tag push create port cp login logout version container image context system completion help" -f -a "commit" -d 'Create a new image from a container\'s changes'
complete -c dkr -n "__fish_dkr_using_subcommand help; and not __fish_seen_subcommand_from run ps stop logs images pull commit rm rmi inspect exec kill start wait restart tag push create port cp login logout version container image context system completion help" -f -a "rm" -d 'Remove one or more containers'
complete -c dkr -n "__fish_dkr_using_subcommand help; and not __fish_seen_subcommand_from run ps stop logs images pull commit rm rmi inspect exec kill start wait restart tag push create port cp login logout version container image context system completion help" -f -a "rmi" -d 'Remove one or more images'
complete -c dkr -n "__fish_dkr_using_subcommand help; and not __fish_seen_subcommand_from run ps stop logs images pull commit rm rmi inspect exec kill start wait restart tag push create port cp login logout version container image context system completion help" -f -a "inspect" -d 'Return low-level information on Docker objects'
complete -c dkr -n "__fish_dkr_using_subcommand help; and not __fish_seen_subcommand_from run ps stop logs images pull commit rm rmi inspect exec kill start wait restart tag push create port cp login logout version container image context system completion help" -f -a "exec" -d 'Execute a command in a running container'
complete -c dkr -n "__fish_dkr_using_subcommand help; and not __fish_seen_subcommand_from run ps stop logs images pull commit rm rmi inspect exec kill start wait restart tag push create port cp login logout version container image context system completion help" -f -a "kill" -d 'Kill one or more running containers'
complete -c dkr -n "__fish_dkr_using_subcommand help; and not __fish_seen_subcommand_from run ps stop logs images pull commit rm rmi inspect exec kill start wait restart tag push create port cp login logout version container image context system completion help" -f -a "start" -d 'Start one or more stopped containers'
complete -c dkr -n "__fish_dkr_using_subcommand help; and not __fish_seen_subcommand_from run ps stop logs images pull commit rm rmi inspect exec kill start wait restart tag push create port cp login logout version container image context system completion help" -f -a "wait" -d 'Block until one or more containers stop, then print their exit codes'
complete -c dkr -n "__fish_dkr_using_subcommand help; and not __fish_seen_subcommand_from run ps stop logs images pull commit rm rmi inspect exec kill start wait restart tag push create port cp login logout version container image context system completion help" -f -a "restart" -d 'Restart one or more containers'
complete -c dkr -n "__fish_dkr_using_subcommand help; and not __fish_seen_subcommand_from run ps stop logs images pull commit rm rmi inspect exec kill start wait restart tag push create port cp login logout version container image context system completion help" -f -a "tag" -d 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE'
complete -c dkr -n "__fish_dkr_using_subcommand help; and not __fish_seen_subcommand_from run ps stop logs images pull commit rm rmi inspect exec kill start wait restart tag push create port cp login logout version container image context system completion help" -f -a "push" -d 'Upload an image to a registry'
complete -c dkr -n "__fish_dkr_using_subcommand help; and not __fish_seen_subcommand_from run ps stop logs images pull commit rm rmi inspect exec kill start wait restart tag push create port cp login logout version container image context system completion help" -f -a "create" -d 'Create a new container'
complete -c dkr -n "__fish_dkr_using_subcommand help; and not __fish_seen_subcommand_from run ps stop logs images pull commit rm rmi inspect exec kill start wait restart tag push create port cp login logout version container image context system completion help" -f -a "port" -d 'List port mappings or a specific mapping for the container'
complete -c dkr -n "__fish_dkr_using_subcommand help; and not __fish_seen_subcommand_from run ps stop logs images pull commit rm rmi inspect exec kill start wait restart tag push create port cp login logout version container image context system completion help" -f -a "cp" -d 'Copy files/folders between a container and the local filesystem'
complete -c dkr -n "__fish_dkr_using_subcommand help; and not __fish_seen_subcommand_from run ps stop logs images pull commit rm rmi inspect exec kill start wait restart tag push create port cp login logout version container image context system completion help" -f -a "login" -d 'Authenticate to a registry'
complete -c dkr -n "__fish_dkr_using_subcommand help; and not __fish_seen_subcommand_from run ps stop logs images pull commit rm rmi inspect exec kill start wait restart tag push create port cp login logout version container image context system completion help" -f -a "logout" -d 'Log out from a registry'
complete -c dkr -n "__fish_dkr_using_subcommand help; and not __fish_seen_subcommand_from run ps stop logs images pull commit rm rmi inspect exec kill start wait restart tag push create port cp login logout version container image context system completion help" -f -a "version" -d 'Show the Docker version information'
complete -c dkr -n "__fish_dkr_using_subcommand help; and not __fish_seen_subcommand_from run ps stop logs images pull commit rm rmi inspect exec kill start wait restart tag push create port cp login logout version container image context system completion help" -f -a "container" -d 'Manage containers'
complete -c dkr -n "__fish_dkr_using_subcommand help; and not __fish_seen_subcommand_from run ps stop logs images pull commit rm rmi inspect exec kill start wait restart tag push create port cp login logout version container image context system completion help" -f -a "image" -d 'Manage images'
complete -c dkr -n "__fish_dkr_using_subcommand help; and not __fish_seen_subcommand_from run ps stop logs images pull commit rm rmi inspect exec kill start wait restart tag push create port cp login logout version container image context system completion help" -f -a "context" -d 'Manage contexts'
complete -c dkr -n "__fish_dkr_using_subcommand help; and not __fish_seen_subcommand_from run ps stop logs images pull commit rm rmi inspect exec kill start wait restart tag push create port cp login logout version container image context system completion help" -f -a "system" -d 'Manage Docker'
complete -c dkr -n "__fish_dkr_using_subcommand help; and not __fish_seen_subcommand_from run ps stop logs images pull commit rm rmi inspect exec kill start wait restart tag push create port cp login logout version container image context system completion help" -f -a "completion" -d 'Generate the autocompletion script for the specified shell'
complete -c dkr -n "__fish_dkr_using_subcommand help; and not __fish_seen_subcommand_from run ps stop logs images pull commit rm rmi inspect exec kill start wait restart tag push create port cp login logout version container image context system completion help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c dkr -n "__fish_dkr_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "run" -d 'Create and run a new container from an image'
complete -c dkr -n "__fish_dkr_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "ls" -d 'List containers'
complete -c dkr -n "__fish_dkr_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "stop" -d 'Stop one or more running containers'
complete -c dkr -n "__fish_dkr_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "logs" -d 'Fetch the logs of a container'
complete -c dkr -n "__fish_dkr_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "commit" -d 'Create a new image from a container\'s changes'
complete -c dkr -n "__fish_dkr_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "rm" -d 'Remove one or more containers'
complete -c dkr -n "__fish_dkr_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "inspect" -d 'Display detailed information on one or more containers'
complete -c dkr -n "__fish_dkr_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "exec" -d 'Execute a command in a running container'
complete -c dkr -n "__fish_dkr_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "kill" -d 'Kill one or more running containers'
complete -c dkr -n "__fish_dkr_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "start" -d 'Start one or more stopped containers'
complete -c dkr -n "__fish_dkr_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "wait" -d 'Block until one or more containers stop, then print their exit codes'
complete -c dkr -n "__fish_dkr_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "restart" -d 'Restart one or more containers'
complete -c dkr -n "__fish_dkr_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "create" -d 'Create a new container'
complete -c dkr -n "__fish_dkr_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "port" -d 'List port mappings or a specific mapping for the container'
complete -c dkr -n "__fish_dkr_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "cp" -d 'Copy files/folders between a container and the local filesystem'
complete -c dkr -n "__fish_dkr_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "ls" -d 'List images'
complete -c dkr -n "__fish_dkr_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "pull" -d 'Download an image from a registry'
complete -c dkr -n "__fish_dkr_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "rm" -d 'Remove one or more images'
complete -c dkr -n "__fish_dkr_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "inspect" -d 'Display detailed information on one or more images'
complete -c dkr -n "__fish_dkr_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "tag" -d 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE'
complete -c dkr -n "__fish_dkr_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "push" -d 'Upload an image to a registry'
complete -c dkr -n "__fish_dkr_using_subcommand help; and __fish_seen_subcommand_from context" -f -a "create" -d 'Create a context'
complete -c dkr -n "__fish_dkr_using_subcommand help; and __fish_seen_subcommand_from context" -f -a "export" -d 'Export a context to a tar archive FILE or a tar stream on STDOUT.'
complete -c dkr -n "__fish_dkr_using_subcommand help; and __fish_seen_subcommand_from context" -f -a "import" -d 'Import a context from a tar or zip file'
complete -c dkr -n "__fish_dkr_using_subcommand help; and __fish_seen_subcommand_from context" -f -a "inspect" -d 'Display detailed information on one or more contexts'
complete -c dkr -n "__fish_dkr_using_subcommand help; and __fish_seen_subcommand_from context" -f -a "ls" -d 'List contexts'
complete -c dkr -n "__fish_dkr_using_subcommand help; and __fish_seen_subcommand_from context" -f -a "rm" -d 'Remove one or more contexts'
complete -c dkr -n "__fish_dkr_using_subcommand help; and __fish_seen_subcommand_from context" -f -a "show" -d 'Print the name of the current context'
complete -c dkr -n "__fish_dkr_using_subcommand help; and __fish_seen_subcommand_from context" -f -a "update" -d 'Update a context'
complete -c dkr -n "__fish_dkr_using_subcommand help; and __fish_seen_subcommand_from context" -f -a "use" -d 'Set the current docker context'
complete -c dkr -n "__fish_dkr_using_subcommand help; and __fish_seen_subcommand_from system" -f -a "dial-stdio" -d 'Proxy the stdio stream to the daemon connection. Should not be invoked manually.'
complete -c dkr -n "__fish_dkr_using_subcommand help; and __fish_seen_subcommand_from completion" -f -a "bash" -d 'Generate the autocompletion script for bash'
complete -c dkr -n "__fish_dkr_using_subcommand help; and __fish_seen_subcommand_from completion" -f -a "fish" -d 'Generate the autocompletion script for fish'
complete -c dkr -n "__fish_dkr_using_subcommand help; and __fish_seen_subcommand_from completion" -f -a "powershell" -d 'Generate the autocompletion script for powershell'
complete -c dkr -n "__fish_dkr_using_subcommand help; and __fish_seen_subcommand_from completion" -f -a "zsh" -d 'Generate the autocompletion script for zsh'

# Live values (container and image names) from the engine: `dkr __complete` answers within
# 200 ms, or with nothing, and only where such a value belongs.
function __dkr_live_check
    set -l words (commandline -opc)
    set -l current (commandline -ct)
    set -g __dkr_live_values
    set -l out (command $words[1] __complete fish -- $words "$current" 2>/dev/null)
    or return 1
    set -g __dkr_live_values $out
end
complete -c dkr -f -n __dkr_live_check -a '$__dkr_live_values'

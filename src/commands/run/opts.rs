//! `dkr run`'s flags (every flag of docker 28's `docker run --help`), following docker's
//! `cli/command/container/opts.go`; the flags that need a newer API or another OS than the
//! daemon's are in the one table of `cli::flag_support`.
//! The value types the flags parse into live in [`crate::opts`]; the create request is built
//! from them in `run/build.rs`.
//!
//! Two kinds of failure, as in docker: a flag value rejected while parsing (pflag's `Set`) is a
//! clap value-parser error here, printed as `invalid argument "x" for "-e, --env" flag: …` with
//! the usage (exit 125); everything checked afterwards is returned by `build::parse` as a plain
//! message that `run` prints as `dkr: <message>` plus the help hint (exit 125).

use clap::ArgAction;

use crate::cli::go_int;
use crate::commands::run::body::{DeviceRequest, Mount, ThrottleDevice, Ulimit, WeightDevice};
use crate::golang::strconv;
use crate::golang::time::parse_duration;
use crate::opts::blkio::{parse_throttle_bps, parse_throttle_iops, parse_weight_device};
use crate::opts::device::validate_device_cgroup_rule;
use crate::opts::gpus::parse_gpus;
use crate::opts::mount::parse_mount;
use crate::opts::network::{parse_network, NetworkAttachment};
use crate::opts::quantity::{mem_swap_bytes, parse_cpus};
use crate::opts::ulimit::parse_ulimit;
use crate::opts::validate::{
    validate_attach, validate_dns_search, validate_env, validate_extra_host, validate_ip_address,
    validate_label, validate_link, validate_sysctl,
};
use crate::render::units::ram_in_bytes;

/// docker's usage of `--cgroupns`, on several lines (its indentation is docker's: pflag's
/// wrapping keeps it); `--help` shows it, completions its first line.
const CGROUPNS_USAGE: &str = "Cgroup namespace to use (host|private)
'host':    Run the container in the Docker host's cgroup namespace
'private': Run the container in its own private cgroup namespace
'':        Use the cgroup namespace as configured by the
           default-cgroupns-mode option on the daemon (default)";

// Flags of `dkr run`: the container's (shared with `create`) and run's own. Flag parsing
// stops at the image (pflag `SetInterspersed(false)`): the rest is the container's command.
// `-h` is `--hostname`; help is `--help` only.
#[derive(clap::Args, Debug, Default)]
#[command(
    override_usage = "[OPTIONS] IMAGE [COMMAND] [ARG...]",
    disable_help_flag = true,
    args_override_self = true
)]
pub struct RunArgs {
    /// Run container in background and print container ID
    #[arg(short = 'd', long, num_args = 0..=1)]
    pub detach: bool,
    /// Override the key sequence for detaching a container
    #[arg(long = "detach-keys", value_name = "string")]
    pub detach_keys: Option<String>,
    /// Pull image before running ("always", "missing", "never")
    #[arg(long, value_name = "string", default_value = "missing")]
    pub pull: String,
    /// Proxy received signals to the process
    #[arg(long = "sig-proxy", num_args = 0..=1, default_value = "true")]
    pub sig_proxy: bool,
    #[command(flatten)]
    pub opts: ContainerOptions,
}

impl std::ops::Deref for RunArgs {
    type Target = ContainerOptions;
    fn deref(&self) -> &ContainerOptions {
        &self.opts
    }
}

// The flags `run` and `create` share (docker's `containerOptions` from `addFlags`, and the
// `createOptions` both have): everything but `-d`, `--detach-keys`, `--sig-proxy` and `--pull`
// (whose help differs), plus the image and command.
#[derive(clap::Args, Debug, Default)]
pub struct ContainerOptions {
    /// Add a custom host-to-IP mapping (host:ip)
    #[arg(long = "add-host", value_name = "list", value_parser = validate_extra_host)]
    pub add_host: Vec<String>,
    /// Add an annotation to the container (passed through to the OCI runtime)
    #[arg(long, value_name = "map")]
    pub annotation: Vec<String>,
    /// Attach to STDIN, STDOUT or STDERR
    #[arg(short = 'a', long, value_name = "list", value_parser = validate_attach)]
    pub attach: Vec<String>,
    /// Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)
    #[arg(long = "blkio-weight", value_name = "uint16", value_parser = |s: &str| strconv::parse_uint(s, 0, 16).map(|v| v as u16))]
    pub blkio_weight: Option<u16>,
    /// Block IO weight (relative device weight)
    #[arg(long = "blkio-weight-device", value_name = "list", value_parser = parse_weight_device)]
    pub blkio_weight_device: Vec<WeightDevice>,
    /// Add Linux capabilities
    #[arg(long = "cap-add", value_name = "list")]
    pub cap_add: Vec<String>,
    /// Drop Linux capabilities
    #[arg(long = "cap-drop", value_name = "list")]
    pub cap_drop: Vec<String>,
    /// Optional parent cgroup for the container
    #[arg(long = "cgroup-parent", value_name = "string")]
    pub cgroup_parent: Option<String>,
    #[arg(
        long,
        value_name = "string",
        help = "Cgroup namespace to use (host|private)",
        long_help = CGROUPNS_USAGE
    )]
    pub cgroupns: Option<String>,
    /// Write the container ID to the file
    #[arg(long, value_name = "string")]
    pub cidfile: Option<String>,
    /// CPU count (Windows only)
    #[arg(long = "cpu-count", value_name = "int", value_parser = go_int, allow_negative_numbers = true)]
    pub cpu_count: Option<i64>,
    /// CPU percent (Windows only)
    #[arg(long = "cpu-percent", value_name = "int", value_parser = go_int, allow_negative_numbers = true)]
    pub cpu_percent: Option<i64>,
    /// Limit CPU CFS (Completely Fair Scheduler) period
    #[arg(long = "cpu-period", value_name = "int", value_parser = go_int, allow_negative_numbers = true)]
    pub cpu_period: Option<i64>,
    /// Limit CPU CFS (Completely Fair Scheduler) quota
    #[arg(long = "cpu-quota", value_name = "int", value_parser = go_int, allow_negative_numbers = true)]
    pub cpu_quota: Option<i64>,
    /// Limit CPU real-time period in microseconds
    #[arg(long = "cpu-rt-period", value_name = "int", value_parser = go_int, allow_negative_numbers = true)]
    pub cpu_rt_period: Option<i64>,
    /// Limit CPU real-time runtime in microseconds
    #[arg(long = "cpu-rt-runtime", value_name = "int", value_parser = go_int, allow_negative_numbers = true)]
    pub cpu_rt_runtime: Option<i64>,
    /// CPU shares (relative weight)
    #[arg(short = 'c', long = "cpu-shares", value_name = "int", value_parser = go_int, allow_negative_numbers = true)]
    pub cpu_shares: Option<i64>,
    /// Number of CPUs
    #[arg(long, value_name = "decimal", value_parser = parse_cpus, allow_negative_numbers = true)]
    pub cpus: Option<i64>,
    /// CPUs in which to allow execution (0-3, 0,1)
    #[arg(long = "cpuset-cpus", value_name = "string")]
    pub cpuset_cpus: Option<String>,
    /// MEMs in which to allow execution (0-3, 0,1)
    #[arg(long = "cpuset-mems", value_name = "string")]
    pub cpuset_mems: Option<String>,
    /// Add a host device to the container
    #[arg(long, value_name = "list")]
    pub device: Vec<String>,
    /// Add a rule to the cgroup allowed devices list
    #[arg(long = "device-cgroup-rule", value_name = "list", value_parser = validate_device_cgroup_rule)]
    pub device_cgroup_rule: Vec<String>,
    /// Limit read rate (bytes per second) from a device
    #[arg(long = "device-read-bps", value_name = "list", value_parser = parse_throttle_bps)]
    pub device_read_bps: Vec<ThrottleDevice>,
    /// Limit read rate (IO per second) from a device
    #[arg(long = "device-read-iops", value_name = "list", value_parser = parse_throttle_iops)]
    pub device_read_iops: Vec<ThrottleDevice>,
    /// Limit write rate (bytes per second) to a device
    #[arg(long = "device-write-bps", value_name = "list", value_parser = parse_throttle_bps)]
    pub device_write_bps: Vec<ThrottleDevice>,
    /// Limit write rate (IO per second) to a device
    #[arg(long = "device-write-iops", value_name = "list", value_parser = parse_throttle_iops)]
    pub device_write_iops: Vec<ThrottleDevice>,
    /// Skip image verification
    #[arg(long = "disable-content-trust", num_args = 0..=1, default_value = "true")]
    pub disable_content_trust: bool,
    /// Set custom DNS servers
    #[arg(long, value_name = "list", value_parser = validate_ip_address)]
    pub dns: Vec<String>,
    /// Set DNS options
    #[arg(long = "dns-option", alias = "dns-opt", value_name = "list")]
    pub dns_option: Vec<String>,
    /// Set custom DNS search domains
    #[arg(long = "dns-search", value_name = "list", value_parser = validate_dns_search, allow_hyphen_values = true)]
    pub dns_search: Vec<String>,
    /// Container NIS domain name
    #[arg(long, value_name = "string")]
    pub domainname: Option<String>,
    /// Overwrite the default ENTRYPOINT of the image
    #[arg(long, value_name = "string", allow_hyphen_values = true)]
    pub entrypoint: Option<String>,
    /// Set environment variables
    #[arg(short = 'e', long, value_name = "list", value_parser = validate_env, allow_hyphen_values = true)]
    pub env: Vec<String>,
    /// Read in a file of environment variables
    #[arg(long = "env-file", value_name = "list")]
    pub env_file: Vec<String>,
    /// Expose a port or a range of ports
    #[arg(long, value_name = "list")]
    pub expose: Vec<String>,
    /// GPU devices to add to the container ('all' to pass all GPUs)
    #[arg(long, value_name = "gpu-request", value_parser = parse_gpus)]
    pub gpus: Vec<DeviceRequest>,
    /// Add additional groups to join
    #[arg(long = "group-add", value_name = "list")]
    pub group_add: Vec<String>,
    /// Command to run to check health
    #[arg(long = "health-cmd", value_name = "string", allow_hyphen_values = true)]
    pub health_cmd: Option<String>,
    /// Time between running the check (ms|s|m|h) (default 0s)
    #[arg(long = "health-interval", value_name = "duration", value_parser = parse_duration, allow_hyphen_values = true)]
    pub health_interval: Option<i64>,
    /// Consecutive failures needed to report unhealthy
    #[arg(long = "health-retries", value_name = "int", value_parser = go_int, allow_negative_numbers = true)]
    pub health_retries: Option<i64>,
    /// Time between running the check during the start period (ms|s|m|h) (default 0s)
    #[arg(long = "health-start-interval", value_name = "duration", value_parser = parse_duration, allow_hyphen_values = true)]
    pub health_start_interval: Option<i64>,
    /// Start period for the container to initialize before starting health-retries countdown
    /// (ms|s|m|h) (default 0s)
    #[arg(long = "health-start-period", value_name = "duration", value_parser = parse_duration, allow_hyphen_values = true)]
    pub health_start_period: Option<i64>,
    /// Maximum time to allow one check to run (ms|s|m|h) (default 0s)
    #[arg(long = "health-timeout", value_name = "duration", value_parser = parse_duration, allow_hyphen_values = true)]
    pub health_timeout: Option<i64>,
    /// Print usage
    #[arg(long, action = ArgAction::Help)]
    pub help: Option<bool>,
    /// Container host name
    #[arg(short = 'h', long, value_name = "string")]
    pub hostname: Option<String>,
    /// Run an init inside the container that forwards signals and reaps processes
    #[arg(long, num_args = 0..=1)]
    pub init: Option<bool>,
    /// Keep STDIN open even if not attached
    #[arg(short = 'i', long, num_args = 0..=1)]
    pub interactive: bool,
    /// Maximum IO bandwidth limit for the system drive (Windows only)
    #[arg(long = "io-maxbandwidth", value_name = "bytes", value_parser = ram_in_bytes)]
    pub io_maxbandwidth: Option<i64>,
    /// Maximum IOps limit for the system drive (Windows only)
    #[arg(long = "io-maxiops", value_name = "uint", value_parser = |s: &str| strconv::parse_uint(s, 0, 64))]
    pub io_maxiops: Option<u64>,
    /// IPv4 address (e.g., 172.30.100.104)
    #[arg(long, value_name = "string")]
    pub ip: Option<String>,
    /// IPv6 address (e.g., 2001:db8::33)
    #[arg(long, value_name = "string")]
    pub ip6: Option<String>,
    /// IPC mode to use
    #[arg(long, value_name = "string")]
    pub ipc: Option<String>,
    /// Container isolation technology
    #[arg(long, value_name = "string")]
    pub isolation: Option<String>,
    /// Kernel memory limit
    #[arg(long = "kernel-memory", value_name = "bytes", value_parser = ram_in_bytes)]
    pub kernel_memory: Option<i64>,
    /// Set meta data on a container
    #[arg(short = 'l', long, value_name = "list", value_parser = validate_label)]
    pub label: Vec<String>,
    /// Read in a line delimited file of labels
    #[arg(long = "label-file", value_name = "list")]
    pub label_file: Vec<String>,
    /// Add link to another container
    #[arg(long, value_name = "list", value_parser = validate_link)]
    pub link: Vec<String>,
    /// Container IPv4/IPv6 link-local addresses
    #[arg(long = "link-local-ip", value_name = "list")]
    pub link_local_ip: Vec<String>,
    /// Logging driver for the container
    #[arg(long = "log-driver", value_name = "string")]
    pub log_driver: Option<String>,
    /// Log driver options
    #[arg(long = "log-opt", value_name = "list")]
    pub log_opt: Vec<String>,
    /// Container MAC address (e.g., 92:d0:c6:0a:29:33)
    #[arg(long = "mac-address", value_name = "string")]
    pub mac_address: Option<String>,
    /// Memory limit
    #[arg(short = 'm', long, value_name = "bytes", value_parser = ram_in_bytes)]
    pub memory: Option<i64>,
    /// Memory soft limit
    #[arg(long = "memory-reservation", value_name = "bytes", value_parser = ram_in_bytes)]
    pub memory_reservation: Option<i64>,
    /// Swap limit equal to memory plus swap: '-1' to enable unlimited swap
    #[arg(long = "memory-swap", value_name = "bytes", value_parser = mem_swap_bytes, allow_negative_numbers = true)]
    pub memory_swap: Option<i64>,
    /// Tune container memory swappiness (0 to 100) (default -1)
    #[arg(long = "memory-swappiness", value_name = "int", value_parser = go_int, allow_negative_numbers = true)]
    pub memory_swappiness: Option<i64>,
    /// Attach a filesystem mount to the container
    #[arg(long, value_name = "mount", value_parser = parse_mount)]
    pub mount: Vec<Mount>,
    /// Assign a name to the container
    #[arg(long, value_name = "string")]
    pub name: Option<String>,
    /// Connect a container to a network
    #[arg(long, alias = "net", value_name = "network", value_parser = parse_network)]
    pub network: Vec<NetworkAttachment>,
    /// Add network-scoped alias for the container
    #[arg(long = "network-alias", alias = "net-alias", value_name = "list")]
    pub network_alias: Vec<String>,
    /// Disable any container-specified HEALTHCHECK
    #[arg(long = "no-healthcheck", num_args = 0..=1)]
    pub no_healthcheck: bool,
    /// Disable OOM Killer
    #[arg(long = "oom-kill-disable", num_args = 0..=1)]
    pub oom_kill_disable: bool,
    /// Tune host's OOM preferences (-1000 to 1000)
    #[arg(long = "oom-score-adj", value_name = "int", value_parser = go_int, allow_negative_numbers = true)]
    pub oom_score_adj: Option<i64>,
    /// PID namespace to use
    #[arg(long, value_name = "string")]
    pub pid: Option<String>,
    /// Tune container pids limit (set -1 for unlimited)
    #[arg(long = "pids-limit", value_name = "int", value_parser = go_int, allow_negative_numbers = true)]
    pub pids_limit: Option<i64>,
    /// Set platform if server is multi-platform capable
    #[arg(
        long,
        value_name = "string",
        env = "DOCKER_DEFAULT_PLATFORM",
        hide_env = true
    )]
    pub platform: Option<String>,
    /// Give extended privileges to this container
    #[arg(long, num_args = 0..=1)]
    pub privileged: bool,
    /// Publish a container's port(s) to the host
    #[arg(short = 'p', long, value_name = "list")]
    pub publish: Vec<String>,
    /// Publish all exposed ports to random ports
    #[arg(short = 'P', long = "publish-all", num_args = 0..=1)]
    pub publish_all: bool,
    /// Suppress the pull output
    #[arg(short = 'q', long, num_args = 0..=1)]
    pub quiet: bool,
    /// Implicit pull's progress on stderr: auto, tty, plain, json or quiet (dkr)
    #[arg(
        long,
        value_name = "string",
        env = "DKR_PROGRESS",
        value_parser = crate::render::pull_view::Mode::parse
    )]
    pub progress: Option<crate::render::pull_view::Mode>,
    /// Mount the container's root filesystem as read only
    #[arg(long = "read-only", num_args = 0..=1)]
    pub read_only: bool,
    /// Restart policy to apply when a container exits
    #[arg(long, value_name = "string", default_value = "no")]
    pub restart: String,
    /// Automatically remove the container and its associated anonymous volumes when it exits
    #[arg(long, num_args = 0..=1)]
    pub rm: bool,
    /// Runtime to use for this container
    #[arg(long, value_name = "string")]
    pub runtime: Option<String>,
    /// Security Options
    #[arg(long = "security-opt", value_name = "list")]
    pub security_opt: Vec<String>,
    /// Size of /dev/shm
    #[arg(long = "shm-size", value_name = "bytes", value_parser = ram_in_bytes)]
    pub shm_size: Option<i64>,
    /// Signal to stop the container
    #[arg(long = "stop-signal", value_name = "string")]
    pub stop_signal: Option<String>,
    /// Timeout (in seconds) to stop a container
    #[arg(long = "stop-timeout", value_name = "int", value_parser = go_int, allow_negative_numbers = true)]
    pub stop_timeout: Option<i64>,
    /// Storage driver options for the container
    #[arg(long = "storage-opt", value_name = "list")]
    pub storage_opt: Vec<String>,
    /// Sysctl options
    #[arg(long, value_name = "map", value_parser = validate_sysctl)]
    pub sysctl: Vec<String>,
    /// Mount a tmpfs directory
    #[arg(long, value_name = "list")]
    pub tmpfs: Vec<String>,
    /// Allocate a pseudo-TTY
    #[arg(short = 't', long, num_args = 0..=1)]
    pub tty: bool,
    /// Ulimit options
    #[arg(long, value_name = "ulimit", value_parser = parse_ulimit)]
    pub ulimit: Vec<Ulimit>,
    /// Bind mount Docker API socket and required auth
    #[arg(long = "use-api-socket", num_args = 0..=1)]
    pub use_api_socket: bool,
    /// Username or UID (format: <name|uid>[:<group|gid>])
    #[arg(short = 'u', long, value_name = "string")]
    pub user: Option<String>,
    /// User namespace to use
    #[arg(long, value_name = "string")]
    pub userns: Option<String>,
    /// UTS namespace to use
    #[arg(long, value_name = "string")]
    pub uts: Option<String>,
    /// Bind mount a volume
    #[arg(short = 'v', long, value_name = "list")]
    pub volume: Vec<String>,
    /// Optional volume driver for the container
    #[arg(long = "volume-driver", value_name = "string")]
    pub volume_driver: Option<String>,
    /// Mount volumes from the specified container(s)
    #[arg(long = "volumes-from", value_name = "list")]
    pub volumes_from: Vec<String>,
    /// Working directory inside the container
    #[arg(short = 'w', long, value_name = "string")]
    pub workdir: Option<String>,
    /// The image, then the container's command and its arguments
    #[arg(value_name = "IMAGE", trailing_var_arg = true, num_args = 1..)]
    pub args: Vec<String>,
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::cli::parse_args;

    pub(crate) fn args(v: &[&str]) -> RunArgs {
        let mut all = vec!["run"];
        all.extend_from_slice(v);
        parse_args(&all).unwrap()
    }

    #[test]
    fn command_starts_at_the_image() {
        let a = args(&[
            "--rm", "-it", "-h", "box", "busybox", "ls", "-l", "--rm", "-h",
        ]);
        assert!(a.rm && a.interactive && a.tty);
        assert_eq!(a.hostname.as_deref(), Some("box"));
        assert_eq!(a.args, ["busybox", "ls", "-l", "--rm", "-h"]);
        let a = args(&["-e", "A=1", "-eB=2", "--env=C=3", "img"]);
        assert_eq!(a.env, ["A=1", "B=2", "C=3"]);
        let a = args(&["-dit=false", "img"]);
        assert!(a.detach && a.interactive && !a.tty);
    }

    #[test]
    fn unknown_flags_before_the_image_are_errors() {
        let mut all = vec!["run", "--bogus", "img"];
        assert!(parse_args::<RunArgs>(&all).is_err());
        all = vec!["run", "-Z", "img"];
        assert!(parse_args::<RunArgs>(&all).is_err());
    }
}

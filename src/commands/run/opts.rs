//! `dkr run`'s flags (every flag of docker 28's `docker run --help`) and their mapping into
//! the create request, following docker's `cli/command/container/opts.go` and the `opts`,
//! `go-connections/nat`, `go-units` and compose `ParseVolume` helpers it calls.
//!
//! Two kinds of failure, as in docker: a flag value rejected while parsing (pflag's `Set`) is a
//! clap value-parser error here, printed as `invalid argument "x" for "-e, --env" flag: …` with
//! the usage (exit 125); everything checked afterwards is returned by [`parse`] as a plain
//! message that `run` prints as `dkr: <message>` plus the help hint (exit 125).

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use clap::ArgAction;

use super::body::*;
use crate::cli::{go_bool, go_int};
use crate::engine::timestamp::parse_go_duration;
use crate::render::units::ram_in_bytes;

pub const USAGE: &str = "dkr run [OPTIONS] IMAGE [COMMAND] [ARG...]";
/// The same under `dkr container run` (docker names the command as it was typed).
pub const USAGE_CONTAINER: &str = "dkr container run [OPTIONS] IMAGE [COMMAND] [ARG...]";

/// Flags of `dkr run`. Flag parsing stops at the image (pflag `SetInterspersed(false)`): the
/// rest is the container's command. `-h` is `--hostname`; help is `--help` only.
#[derive(clap::Args, Debug, Default)]
#[command(override_usage = USAGE, disable_help_flag = true, args_override_self = true)]
pub struct RunArgs {
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
    #[arg(long = "blkio-weight", value_name = "uint16", value_parser = |s: &str| go_uint(s, 16).map(|v| v as u16))]
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
    /// Cgroup namespace to use (host|private)
    #[arg(long, value_name = "string")]
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
    /// Run container in background and print container ID
    #[arg(short = 'd', long, num_args = 0..=1, require_equals = true, default_missing_value = "true", value_parser = go_bool, default_value = "false")]
    pub detach: bool,
    /// Override the key sequence for detaching a container
    #[arg(long = "detach-keys", value_name = "string")]
    pub detach_keys: Option<String>,
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
    /// Skip image verification (default true)
    #[arg(long = "disable-content-trust", num_args = 0..=1, require_equals = true, default_missing_value = "true", value_parser = go_bool, default_value = "true")]
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
    #[arg(long = "health-interval", value_name = "duration", value_parser = parse_go_duration, allow_hyphen_values = true)]
    pub health_interval: Option<i64>,
    /// Consecutive failures needed to report unhealthy
    #[arg(long = "health-retries", value_name = "int", value_parser = go_int, allow_negative_numbers = true)]
    pub health_retries: Option<i64>,
    /// Time between running the check during the start period (ms|s|m|h) (default 0s)
    #[arg(long = "health-start-interval", value_name = "duration", value_parser = parse_go_duration, allow_hyphen_values = true)]
    pub health_start_interval: Option<i64>,
    /// Start period for the container to initialize before starting health-retries countdown
    /// (ms|s|m|h) (default 0s)
    #[arg(long = "health-start-period", value_name = "duration", value_parser = parse_go_duration, allow_hyphen_values = true)]
    pub health_start_period: Option<i64>,
    /// Maximum time to allow one check to run (ms|s|m|h) (default 0s)
    #[arg(long = "health-timeout", value_name = "duration", value_parser = parse_go_duration, allow_hyphen_values = true)]
    pub health_timeout: Option<i64>,
    /// Print usage
    #[arg(long, action = ArgAction::Help)]
    pub help: Option<bool>,
    /// Container host name
    #[arg(short = 'h', long, value_name = "string")]
    pub hostname: Option<String>,
    /// Run an init inside the container that forwards signals and reaps processes
    #[arg(long, num_args = 0..=1, require_equals = true, default_missing_value = "true", value_parser = go_bool)]
    pub init: Option<bool>,
    /// Keep STDIN open even if not attached
    #[arg(short = 'i', long, num_args = 0..=1, require_equals = true, default_missing_value = "true", value_parser = go_bool, default_value = "false")]
    pub interactive: bool,
    /// Maximum IO bandwidth limit for the system drive (Windows only)
    #[arg(long = "io-maxbandwidth", value_name = "bytes", value_parser = ram_in_bytes)]
    pub io_maxbandwidth: Option<i64>,
    /// Maximum IOps limit for the system drive (Windows only)
    #[arg(long = "io-maxiops", value_name = "uint", value_parser = |s: &str| go_uint(s, 64))]
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
    #[arg(long = "no-healthcheck", num_args = 0..=1, require_equals = true, default_missing_value = "true", value_parser = go_bool, default_value = "false")]
    pub no_healthcheck: bool,
    /// Disable OOM Killer
    #[arg(long = "oom-kill-disable", num_args = 0..=1, require_equals = true, default_missing_value = "true", value_parser = go_bool, default_value = "false")]
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
    #[arg(long, num_args = 0..=1, require_equals = true, default_missing_value = "true", value_parser = go_bool, default_value = "false")]
    pub privileged: bool,
    /// Publish a container's port(s) to the host
    #[arg(short = 'p', long, value_name = "list")]
    pub publish: Vec<String>,
    /// Publish all exposed ports to random ports
    #[arg(short = 'P', long = "publish-all", num_args = 0..=1, require_equals = true, default_missing_value = "true", value_parser = go_bool, default_value = "false")]
    pub publish_all: bool,
    /// Pull image before running ("always", "missing", "never")
    #[arg(long, value_name = "string", default_value = "missing")]
    pub pull: String,
    /// Suppress the pull output
    #[arg(short = 'q', long, num_args = 0..=1, require_equals = true, default_missing_value = "true", value_parser = go_bool, default_value = "false")]
    pub quiet: bool,
    /// Mount the container's root filesystem as read only
    #[arg(long = "read-only", num_args = 0..=1, require_equals = true, default_missing_value = "true", value_parser = go_bool, default_value = "false")]
    pub read_only: bool,
    /// Restart policy to apply when a container exits
    #[arg(long, value_name = "string", default_value = "no")]
    pub restart: String,
    /// Automatically remove the container and its associated anonymous volumes when it exits
    #[arg(long, num_args = 0..=1, require_equals = true, default_missing_value = "true", value_parser = go_bool, default_value = "false")]
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
    /// Proxy received signals to the process
    #[arg(long = "sig-proxy", num_args = 0..=1, require_equals = true, default_missing_value = "true", value_parser = go_bool, default_value = "true")]
    pub sig_proxy: bool,
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
    #[arg(short = 't', long, num_args = 0..=1, require_equals = true, default_missing_value = "true", value_parser = go_bool, default_value = "false")]
    pub tty: bool,
    /// Ulimit options
    #[arg(long, value_name = "ulimit", value_parser = parse_ulimit)]
    pub ulimit: Vec<Ulimit>,
    /// Bind mount Docker API socket and required auth
    #[arg(long = "use-api-socket", num_args = 0..=1, require_equals = true, default_missing_value = "true", value_parser = go_bool, default_value = "false")]
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

impl RunArgs {
    /// Whether a flag with an API-version or OS annotation was given (only then does docker
    /// ask the daemon before running the command).
    pub fn has_annotated_flags(&self) -> bool {
        !self.annotation.is_empty()
            || self.cgroupns.is_some()
            || self.cpu_rt_period.is_some()
            || self.cpu_rt_runtime.is_some()
            || self.cpus.is_some()
            || !self.gpus.is_empty()
            || self.health_start_interval.is_some()
            || self.health_start_period.is_some()
            || self.init.is_some()
            || self.stop_timeout.is_some()
            || self.cpu_count.is_some()
            || self.cpu_percent.is_some()
            || self.io_maxbandwidth.is_some()
            || self.io_maxiops.is_some()
    }

    /// Flags given that need a newer API or another OS than the daemon's, in docker's words
    /// (`cmd/docker/docker.go` `areFlagsSupported`; flag names visited in sorted order).
    pub fn unsupported_flags(&self, api_version: &str, os_type: &str) -> Vec<String> {
        let version_flags: [(&str, &str, bool); 10] = [
            ("annotation", "1.43", !self.annotation.is_empty()),
            ("cgroupns", "1.41", self.cgroupns.is_some()),
            ("cpu-rt-period", "1.25", self.cpu_rt_period.is_some()),
            ("cpu-rt-runtime", "1.25", self.cpu_rt_runtime.is_some()),
            ("cpus", "1.25", self.cpus.is_some()),
            ("gpus", "1.40", !self.gpus.is_empty()),
            (
                "health-start-interval",
                "1.44",
                self.health_start_interval.is_some(),
            ),
            (
                "health-start-period",
                "1.29",
                self.health_start_period.is_some(),
            ),
            ("init", "1.25", self.init.is_some()),
            ("stop-timeout", "1.25", self.stop_timeout.is_some()),
        ];
        let windows_flags: [(&str, bool); 4] = [
            ("cpu-count", self.cpu_count.is_some()),
            ("cpu-percent", self.cpu_percent.is_some()),
            ("io-maxbandwidth", self.io_maxbandwidth.is_some()),
            ("io-maxiops", self.io_maxiops.is_some()),
        ];
        let mut errs: Vec<(&str, String)> = Vec::new();
        for (flag, min, given) in version_flags {
            if given && crate::engine::version_lt(api_version, min) {
                errs.push((
                    flag,
                    format!("\"--{flag}\" requires API version {min}, but the Docker daemon API version is {api_version}"),
                ));
            }
        }
        for (flag, given) in windows_flags {
            if given && !os_type.is_empty() && os_type != "windows" {
                errs.push((
                    flag,
                    format!("\"--{flag}\" is only supported on a Docker daemon running on windows, but the Docker daemon is running on {os_type}"),
                ));
            }
        }
        errs.sort_by(|a, b| a.0.cmp(b.0));
        errs.into_iter().map(|(_, e)| e).collect()
    }
}

// ---------------------------------------------------------------------------------------------
// Go number parsing with Go's error texts.

fn num_error(func: &str, s: &str, why: &str) -> String {
    format!("strconv.{func}: parsing {}: {why}", go_quote(s))
}

use crate::golang::strconv::go_quote;

/// Go's `strconv.ParseUint(s, 0, bits)` (pflag's uint flags).
pub fn go_uint(s: &str, bits: u32) -> Result<u64, String> {
    let syntax = || num_error("ParseUint", s, "invalid syntax");
    let body = s;
    let (radix, digits) =
        if let Some(h) = body.strip_prefix("0x").or_else(|| body.strip_prefix("0X")) {
            (16, h)
        } else if let Some(b) = body.strip_prefix("0b").or_else(|| body.strip_prefix("0B")) {
            (2, b)
        } else if let Some(o) = body.strip_prefix("0o").or_else(|| body.strip_prefix("0O")) {
            (8, o)
        } else if body.len() > 1 && body.starts_with('0') {
            (8, &body[1..])
        } else {
            (10, body)
        };
    let digits_clean = if radix != 10 {
        digits.replace('_', "")
    } else {
        digits.to_string()
    };
    if digits_clean.is_empty()
        || !digits_clean.chars().all(|c| c.is_digit(radix))
        || (radix == 10 && digits.contains('_'))
    {
        return Err(syntax());
    }
    let v = u128::from_str_radix(&digits_clean, radix)
        .map_err(|_| num_error("ParseUint", s, "value out of range"))?;
    let max = if bits >= 64 {
        u128::from(u64::MAX)
    } else {
        (1u128 << bits) - 1
    };
    if v > max {
        return Err(num_error("ParseUint", s, "value out of range"));
    }
    Ok(v as u64)
}

/// Go's `strconv.ParseInt(s, 10, 64)`.
fn go_int10(s: &str) -> Result<i64, String> {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(num_error("ParseInt", s, "invalid syntax"));
    }
    s.parse::<i64>()
        .map_err(|_| num_error("ParseInt", s, "value out of range"))
}

/// Go's `strconv.Atoi` (only whether it succeeds matters to the callers).
fn go_atoi(s: &str) -> Option<i64> {
    go_int10(s).ok()
}

/// `MemSwapBytes`: `-1` means unlimited.
pub fn mem_swap_bytes(s: &str) -> Result<i64, String> {
    if s == "-1" {
        return Ok(-1);
    }
    ram_in_bytes(s)
}

/// `opts.ParseCPUs`: a decimal (or `a/b`) number of CPUs → nanoCPUs, exactly.
pub fn parse_cpus(value: &str) -> Result<i64, String> {
    let fail = || format!("failed to parse {value} as a rational number");
    // value = mantissa * 10^exp, or num/den.
    let (num, den): (i128, i128) = if let Some((a, b)) = value.split_once('/') {
        let a = parse_big_int(a).ok_or_else(fail)?;
        let b = parse_big_int(b).ok_or_else(fail)?;
        if b == 0 {
            return Err(fail());
        }
        (a, b)
    } else {
        let (mantissa, exp) = parse_decimal(value).ok_or_else(fail)?;
        if exp >= 0 {
            let scale = 10i128.checked_pow(exp as u32).ok_or_else(fail)?;
            (mantissa.checked_mul(scale).ok_or_else(fail)?, 1)
        } else {
            let scale = 10i128.checked_pow((-exp) as u32).ok_or_else(fail)?;
            (mantissa, scale)
        }
    };
    let nano = num
        .checked_mul(1_000_000_000)
        .ok_or_else(|| "value is too precise".to_string())?;
    if nano % den != 0 {
        return Err("value is too precise".to_string());
    }
    Ok((nano / den) as i64)
}

fn parse_big_int(s: &str) -> Option<i128> {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// `[+-]digits[.digits][e[+-]digits]` → (mantissa, exponent of ten).
fn parse_decimal(s: &str) -> Option<(i128, i64)> {
    let (neg, rest) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let (mant, exp) = match rest.find(['e', 'E']) {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    if !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let digits = format!("{int}{frac}");
    let digits = digits.trim_start_matches('0');
    let mut m: i128 = if digits.is_empty() {
        0
    } else {
        digits.parse().ok()?
    };
    if neg {
        m = -m;
    }
    let mut e: i64 = -(frac.len() as i64);
    if let Some(exp) = exp {
        let ev = parse_big_int(exp)?;
        e += i64::try_from(ev).ok()?;
    }
    Some((m, e))
}

// ---------------------------------------------------------------------------------------------
// Flag validators (pflag `Set` time).

/// `opts.ValidateEnv`: `K=V` as is, bare `K` takes the host's value when it has one.
pub fn validate_env(val: &str) -> Result<String, String> {
    let (k, has_value) = match val.split_once('=') {
        Some((k, _)) => (k, true),
        None => (val, false),
    };
    if k.is_empty() {
        return Err(format!("invalid environment variable: {val}"));
    }
    if has_value {
        return Ok(val.to_string());
    }
    match std::env::var_os(k) {
        Some(v) => Ok(format!("{k}={}", v.to_string_lossy())),
        None => Ok(val.to_string()),
    }
}

/// `opts.ValidateLabel`.
pub fn validate_label(value: &str) -> Result<String, String> {
    let key = value.split_once('=').map_or(value, |(k, _)| k);
    let key = key.trim_start_matches([' ', '\t']);
    if key.is_empty() {
        return Err(format!("invalid label '{value}': empty name"));
    }
    if key.contains([' ', '\t']) {
        return Err(format!("label '{key}' contains whitespaces"));
    }
    Ok(value.to_string())
}

/// Go's `net.ParseIP(s).String()`, or `None`.
fn go_ip_string(s: &str) -> Option<String> {
    match s.parse::<std::net::IpAddr>().ok()? {
        std::net::IpAddr::V4(v4) => Some(v4.to_string()),
        std::net::IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => Some(v4.to_string()),
            None => Some(v6.to_string()),
        },
    }
}

/// `opts.ValidateIPAddress` (returns the canonical form).
pub fn validate_ip_address(val: &str) -> Result<String, String> {
    go_ip_string(val.trim()).ok_or_else(|| format!("IP address is not correctly formatted: {val}"))
}

/// `opts.ValidateDNSSearch`.
pub fn validate_dns_search(val: &str) -> Result<String, String> {
    let val = val.trim_matches(' ');
    if val == "." {
        return Ok(val.to_string());
    }
    let bad = || format!("{val} is not a valid domain");
    if !val.bytes().any(|b| b.is_ascii_alphabetic()) {
        return Err(bad());
    }
    let domain = match_domain(val).ok_or_else(bad)?;
    if domain.len() >= 255 {
        return Err(bad());
    }
    Ok(domain.to_string())
}

/// docker's domain regexp (typos included: `(:?` makes a `:` optional before each label).
/// Returns the domain without a trailing dot and spaces.
fn match_domain(val: &str) -> Option<&str> {
    let body = val.trim_end_matches(char::is_whitespace);
    let body = body.strip_suffix('.').unwrap_or(body);
    if body.is_empty() {
        return None;
    }
    let is_label = |l: &str| {
        let b = l.as_bytes();
        !b.is_empty()
            && b[0].is_ascii_alphanumeric()
            && b[b.len() - 1].is_ascii_alphanumeric()
            && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
    };
    let parts: Vec<&str> = body.split('.').collect();
    let last = parts.len() - 1;
    for (i, part) in parts.iter().enumerate() {
        let p = part.strip_prefix(':').unwrap_or(part);
        let p = if i < last {
            p.strip_suffix(':').unwrap_or(p)
        } else {
            p
        };
        if !is_label(p) {
            return None;
        }
    }
    Some(body)
}

/// `opts.ValidateExtraHost`: `host:ip` or `host=ip` (IPv6 in brackets allowed) → `host:ip`.
pub fn validate_extra_host(val: &str) -> Result<String, String> {
    let (k, v) = match val.split_once('=').or_else(|| val.split_once(':')) {
        Some((k, v)) if !k.is_empty() && !k.contains(':') => (k, v),
        _ => return Err(format!("bad format for add-host: {}", go_quote(val))),
    };
    let mut v = v;
    if v != "host-gateway" {
        if v.len() > 2 && v.starts_with('[') && v.ends_with(']') {
            v = &v[1..v.len() - 1];
        }
        if validate_ip_address(v).is_err() {
            return Err(format!("invalid IP address in add-host: {}", go_quote(v)));
        }
    }
    Ok(format!("{k}:{v}"))
}

/// `opts.ValidateLink`.
pub fn validate_link(val: &str) -> Result<String, String> {
    if val.is_empty() {
        return Err("empty string specified for links".to_string());
    }
    if val.splitn(3, ':').count() > 2 {
        return Err(format!("bad format for links: {val}"));
    }
    Ok(val.to_string())
}

/// `opts.ValidateSysctl`.
pub fn validate_sysctl(val: &str) -> Result<String, String> {
    const KEYS: [&str; 8] = [
        "kernel.msgmax",
        "kernel.msgmnb",
        "kernel.msgmni",
        "kernel.sem",
        "kernel.shmall",
        "kernel.shmmax",
        "kernel.shmmni",
        "kernel.shm_rmid_forced",
    ];
    match val.split_once('=') {
        Some((k, _))
            if !k.is_empty()
                && (KEYS.contains(&k) || k.starts_with("net.") || k.starts_with("fs.mqueue.")) =>
        {
            Ok(val.to_string())
        }
        _ => Err(format!("sysctl '{val}' is not allowed")),
    }
}

/// `validateAttach`: one of stdin/stdout/stderr, any case; lower-cased.
pub fn validate_attach(val: &str) -> Result<String, String> {
    let s = val.to_lowercase();
    if ["stdin", "stdout", "stderr"].contains(&s.as_str()) {
        Ok(s)
    } else {
        Err("valid streams are STDIN, STDOUT and STDERR".to_string())
    }
}

/// `validateDeviceCgroupRule`: `^[acb] ([0-9]+|\*):([0-9]+|\*) [rwm]{1,3}$`.
pub fn validate_device_cgroup_rule(val: &str) -> Result<String, String> {
    let bad = || format!("invalid device cgroup format '{val}'");
    let num = |s: &str| s == "*" || (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()));
    let mut parts = val.split(' ');
    let (Some(kind), Some(nums), Some(mode), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad());
    };
    let ok_kind = matches!(kind, "a" | "b" | "c");
    let ok_nums = nums.split_once(':').is_some_and(|(a, b)| num(a) && num(b));
    let ok_mode =
        (1..=3).contains(&mode.len()) && mode.bytes().all(|b| matches!(b, b'r' | b'w' | b'm'));
    if ok_kind && ok_nums && ok_mode {
        Ok(val.to_string())
    } else {
        Err(bad())
    }
}

/// `opts.ValidateWeightDevice`.
pub fn parse_weight_device(val: &str) -> Result<WeightDevice, String> {
    let (k, v) = match val.split_once(':') {
        Some((k, v)) if !k.is_empty() => (k, v),
        _ => return Err(format!("bad format: {val}")),
    };
    if !k.starts_with("/dev/") {
        return Err(format!("bad format for device path: {val}"));
    }
    let weight = v
        .parse::<u16>()
        .ok()
        .filter(|_| v.bytes().all(|b| b.is_ascii_digit()))
        .ok_or_else(|| format!("invalid weight for device: {val}"))?;
    if weight > 0 && !(10..=1000).contains(&weight) {
        return Err(format!("invalid weight for device: {val}"));
    }
    Ok(WeightDevice {
        path: k.to_string(),
        weight,
    })
}

/// `opts.ValidateThrottleBpsDevice`.
pub fn parse_throttle_bps(val: &str) -> Result<ThrottleDevice, String> {
    let (k, v) = match val.split_once(':') {
        Some((k, v)) if !k.is_empty() => (k, v),
        _ => return Err(format!("bad format: {val}")),
    };
    if !k.starts_with("/dev/") {
        return Err(format!("bad format for device path: {val}"));
    }
    match ram_in_bytes(v) {
        Ok(rate) if rate >= 0 => Ok(ThrottleDevice {
            path: k.to_string(),
            rate: rate as u64,
        }),
        _ => Err(format!("invalid rate for device: {val}. The correct format is <device-path>:<number>[<unit>]. Number must be a positive integer. Unit is optional and can be kb, mb, or gb")),
    }
}

/// `opts.ValidateThrottleIOpsDevice`.
pub fn parse_throttle_iops(val: &str) -> Result<ThrottleDevice, String> {
    let (k, v) = match val.split_once(':') {
        Some((k, v)) if !k.is_empty() => (k, v),
        _ => return Err(format!("bad format: {val}")),
    };
    if !k.starts_with("/dev/") {
        return Err(format!("bad format for device path: {val}"));
    }
    let rate = v
        .parse::<u64>()
        .ok()
        .filter(|_| v.bytes().all(|b| b.is_ascii_digit()))
        .ok_or_else(|| {
            format!("invalid rate for device: {val}. The correct format is <device-path>:<number>. Number must be a positive integer")
        })?;
    Ok(ThrottleDevice {
        path: k.to_string(),
        rate,
    })
}

/// go-units `ParseUlimit`: `name=soft[:hard]`.
pub fn parse_ulimit(val: &str) -> Result<Ulimit, String> {
    const NAMES: [&str; 15] = [
        "core",
        "cpu",
        "data",
        "fsize",
        "locks",
        "memlock",
        "msgqueue",
        "nice",
        "nofile",
        "nproc",
        "rss",
        "rtprio",
        "rttime",
        "sigpending",
        "stack",
    ];
    let Some((name, limits)) = val.split_once('=') else {
        return Err(format!("invalid ulimit argument: {val}"));
    };
    if !NAMES.contains(&name) {
        return Err(format!("invalid ulimit type: {name}"));
    }
    let parts: Vec<&str> = limits.split(':').collect();
    let (soft, hard) = match parts.as_slice() {
        [s] => {
            let s = go_int10(s)?;
            (s, s)
        }
        [s, h] => {
            let h = go_int10(h)?;
            (go_int10(s)?, h)
        }
        _ => {
            return Err(format!(
                "too many limit value arguments - {limits}, can only have up to two, `soft[:hard]`"
            ))
        }
    };
    if hard != -1 {
        if soft == -1 {
            return Err(format!("ulimit soft limit must be less than or equal to hard limit: soft: -1 (unlimited), hard: {hard}"));
        }
        if soft > hard {
            return Err(format!(
                "ulimit soft limit must be less than or equal to hard limit: {soft} > {hard}"
            ));
        }
    }
    Ok(Ulimit {
        name: name.to_string(),
        hard,
        soft,
    })
}

/// Go's `encoding/csv` reading one record of `value` (quotes, `""` escapes).
fn csv_fields(value: &str) -> Result<Vec<String>, String> {
    let mut fields = Vec::new();
    let mut cur = String::new();
    let mut chars = value.chars().peekable();
    let mut col = 0usize;
    loop {
        if chars.peek() == Some(&'"') {
            chars.next();
            col += 1;
            loop {
                match chars.next() {
                    Some('"') => {
                        col += 1;
                        if chars.peek() == Some(&'"') {
                            chars.next();
                            col += 1;
                            cur.push('"');
                        } else {
                            break;
                        }
                    }
                    Some(c) => {
                        col += 1;
                        cur.push(c);
                    }
                    None => {
                        return Err("record on line 1; parse error on line 2, column 0: extraneous or missing \" in quoted-field".to_string())
                    }
                }
            }
            match chars.next() {
                None => {
                    fields.push(std::mem::take(&mut cur));
                    return Ok(fields);
                }
                Some(',') => {
                    col += 1;
                    fields.push(std::mem::take(&mut cur));
                }
                Some(_) => {
                    return Err(format!(
                    "parse error on line 1, column {}: extraneous or missing \" in quoted-field",
                    col + 1
                ))
                }
            }
        } else {
            loop {
                match chars.next() {
                    None => {
                        fields.push(std::mem::take(&mut cur));
                        return Ok(fields);
                    }
                    Some(',') => {
                        col += 1;
                        fields.push(std::mem::take(&mut cur));
                        break;
                    }
                    Some('"') => {
                        return Err(format!(
                            "parse error on line 1, column {}: bare \" in non-quoted-field",
                            col + 1
                        ))
                    }
                    Some(c) => {
                        col += 1;
                        cur.push(c);
                    }
                }
            }
        }
    }
}

/// Go's `strconv.ParseBool`.
fn parse_bool(s: &str) -> Option<bool> {
    go_bool(s).ok()
}

/// `filepath.Abs` for a relative path: join with the working directory and clean.
fn abs_path(p: &str) -> Option<String> {
    let cwd = std::env::current_dir().ok()?;
    Some(clean_path(&cwd.join(p)))
}

/// Go's `filepath.Clean` for an absolute path.
fn clean_path(p: &Path) -> String {
    let mut out = PathBuf::from("/");
    for c in p.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::Normal(n) => out.push(n),
            _ => {}
        }
    }
    out.to_string_lossy().into_owned()
}

/// `opts.MountOpt.Set` (`--mount type=bind,src=…,dst=…`).
pub fn parse_mount(value: &str) -> Result<Mount, String> {
    let fields = csv_fields(value)?;
    let mut m = Mount {
        kind: "volume".to_string(),
        ..Mount::default()
    };
    fn vol(m: &mut Mount) -> &mut VolumeOptions {
        let v = m.volume_options.get_or_insert_with(|| VolumeOptions {
            labels: Some(BTreeMap::new()),
            ..VolumeOptions::default()
        });
        if v.driver_config.is_none() {
            v.driver_config = Some(Driver::default());
        }
        v
    }
    fn set_kv(target: &mut Option<BTreeMap<String, String>>, value: &str) {
        let (k, v) = value.split_once('=').unwrap_or((value, ""));
        if !k.is_empty() {
            target
                .get_or_insert_with(BTreeMap::new)
                .insert(k.to_string(), v.to_string());
        }
    }
    for field in &fields {
        let (key, val, ok) = match field.split_once('=') {
            Some((k, v)) => (k.to_lowercase(), v.to_string(), true),
            None => (field.to_lowercase(), String::new(), false),
        };
        if !ok {
            match key.as_str() {
                "readonly" | "ro" => m.read_only = true,
                "volume-nocopy" => vol(&mut m).no_copy = true,
                "bind-nonrecursive" => {
                    m.bind_options
                        .get_or_insert_with(BindOptions::default)
                        .non_recursive = true
                }
                _ => return Err(format!("invalid field '{field}' must be a key=value pair")),
            }
            continue;
        }
        let invalid = || format!("invalid value for {key}: {val}");
        match key.as_str() {
            "type" => m.kind = val.to_lowercase(),
            "source" | "src" => {
                m.source = val.clone();
                if !val.starts_with('/') && val.starts_with('.') {
                    if let Some(abs) = abs_path(&val) {
                        m.source = abs;
                    }
                }
            }
            "target" | "dst" | "destination" => m.target = val.clone(),
            "readonly" | "ro" => m.read_only = parse_bool(&val).ok_or_else(invalid)?,
            "consistency" => m.consistency = val.to_lowercase(),
            "bind-propagation" => {
                m.bind_options
                    .get_or_insert_with(BindOptions::default)
                    .propagation = val.to_lowercase()
            }
            "bind-nonrecursive" => {
                let b = parse_bool(&val).ok_or_else(invalid)?;
                m.bind_options
                    .get_or_insert_with(BindOptions::default)
                    .non_recursive = b;
            }
            "bind-recursive" => {
                let bo = m.bind_options.get_or_insert_with(BindOptions::default);
                match val.as_str() {
                    "enabled" => {}
                    "disabled" => bo.non_recursive = true,
                    "writable" => bo.read_only_non_recursive = true,
                    "readonly" => bo.read_only_force_recursive = true,
                    _ => {
                        return Err(format!("invalid value for {key}: {val} (must be \"enabled\", \"disabled\", \"writable\", or \"readonly\")"))
                    }
                }
            }
            "volume-subpath" => vol(&mut m).subpath = val.clone(),
            "volume-nocopy" => {
                let b = parse_bool(&val)
                    .ok_or_else(|| format!("invalid value for volume-nocopy: {val}"))?;
                vol(&mut m).no_copy = b;
            }
            "volume-label" => set_kv(&mut vol(&mut m).labels, &val),
            "volume-driver" => {
                if let Some(d) = vol(&mut m).driver_config.as_mut() {
                    d.name = val.clone();
                }
            }
            "volume-opt" => {
                if let Some(d) = vol(&mut m).driver_config.as_mut() {
                    set_kv(&mut d.options, &val);
                }
            }
            "image-subpath" => {
                m.image_options
                    .get_or_insert_with(ImageOptions::default)
                    .subpath = val.clone()
            }
            "tmpfs-size" => {
                let size = ram_in_bytes(&val).map_err(|_| invalid())?;
                m.tmpfs_options
                    .get_or_insert_with(TmpfsOptions::default)
                    .size_bytes = size;
            }
            "tmpfs-mode" => {
                let mode = u32::from_str_radix(&val, 8).map_err(|_| invalid())?;
                m.tmpfs_options
                    .get_or_insert_with(TmpfsOptions::default)
                    .mode = i64::from(mode);
            }
            _ => return Err(format!("unexpected key '{key}' in '{field}'")),
        }
    }
    if m.kind.is_empty() {
        return Err("type is required".to_string());
    }
    if m.target.is_empty() {
        return Err("target is required".to_string());
    }
    let mix = |what: &str| format!("cannot mix '{what}-*' options with mount type '{}'", m.kind);
    if m.volume_options.is_some() && m.kind != "volume" {
        return Err(mix("volume"));
    }
    if m.image_options.is_some() && m.kind != "image" {
        return Err(mix("image"));
    }
    if m.bind_options.is_some() && m.kind != "bind" {
        return Err(mix("bind"));
    }
    if m.tmpfs_options.is_some() && m.kind != "tmpfs" {
        return Err(mix("tmpfs"));
    }
    if let Some(bo) = &m.bind_options {
        if bo.read_only_non_recursive && !m.read_only {
            return Err("option 'bind-recursive=writable' requires 'readonly' to be specified in conjunction".into());
        }
        if bo.read_only_force_recursive {
            if !m.read_only {
                return Err("option 'bind-recursive=readonly' requires 'readonly' to be specified in conjunction".into());
            }
            if bo.propagation != "rprivate" {
                return Err("option 'bind-recursive=readonly' requires 'bind-propagation=rprivate' to be specified in conjunction".into());
            }
        }
    }
    Ok(m)
}

/// One `--network` value (`opts.NetworkAttachmentOpts`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NetworkAttachment {
    pub target: String,
    pub aliases: Vec<String>,
    pub driver_opts: Option<BTreeMap<String, String>>,
    pub links: Vec<String>,
    pub ipv4_address: String,
    pub ipv6_address: String,
    pub link_local_ips: Vec<String>,
    pub mac_address: String,
    pub gw_priority: i64,
}

/// `opts.NetworkOpt.Set`: a name, or the long form `name=…,alias=…,ip=…`.
pub fn parse_network(value: &str) -> Result<NetworkAttachment, String> {
    // docker's test is the regexp `\w+=\w+(,\w+=\w+)*` anywhere in the value.
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let b = value.as_bytes();
    let long_syntax =
        (1..b.len().saturating_sub(1)).any(|i| b[i] == b'=' && word(b[i - 1]) && word(b[i + 1]));
    let mut n = NetworkAttachment::default();
    if !long_syntax {
        n.target = value.to_string();
        return Ok(n);
    }
    for field in csv_fields(value)? {
        let lower = field.to_lowercase();
        let Some((key, val)) = lower.split_once('=').filter(|(k, _)| !k.is_empty()) else {
            return Err(format!("invalid field {field}"));
        };
        let (key, val) = (key.trim(), val.trim().to_string());
        match key {
            "name" => n.target = val,
            "alias" => n.aliases.push(val),
            "ip" => n.ipv4_address = val,
            "ip6" => n.ipv6_address = val,
            "mac-address" => n.mac_address = val,
            "link-local-ip" => n.link_local_ips.push(val),
            "driver-opt" => {
                let Some((k, v)) = val.split_once('=').filter(|(k, _)| !k.is_empty()) else {
                    return Err("invalid key value pair format in driver options".into());
                };
                n.driver_opts
                    .get_or_insert_with(BTreeMap::new)
                    .insert(k.trim().to_string(), v.trim().to_string());
            }
            "gw-priority" => {
                n.gw_priority = go_int10(&val).map_err(|e| {
                    let why = e
                        .rsplit(": ")
                        .next()
                        .unwrap_or("invalid syntax")
                        .to_string();
                    format!("invalid gw-priority ({val}): {why}")
                })?;
            }
            _ => return Err(format!("invalid field key {key}")),
        }
    }
    if n.target.is_empty() {
        return Err("network name/id is not specified".into());
    }
    Ok(n)
}

/// `opts.GpuOpts.Set`.
pub fn parse_gpus(value: &str) -> Result<DeviceRequest, String> {
    let parse_count = |s: &str| -> Result<i64, String> {
        if s == "all" {
            return Ok(-1);
        }
        go_int10(s).map_err(|e| {
            let why = e
                .rsplit(": ")
                .next()
                .unwrap_or("invalid syntax")
                .to_string();
            format!("invalid count ({s}): value must be either \"all\" or an integer: {why}")
        })
    };
    let mut req = DeviceRequest::default();
    let mut seen = std::collections::HashSet::new();
    for field in csv_fields(value)? {
        let (key, val, with_value) = match field.split_once('=') {
            Some((k, v)) => (k.to_string(), v.to_string(), true),
            None => (field.clone(), String::new(), false),
        };
        if !seen.insert(key.clone()) {
            return Err(format!(
                "gpu request key '{key}' can be specified only once"
            ));
        }
        if !with_value {
            seen.insert("count".to_string());
            req.count = parse_count(&key)?;
            continue;
        }
        match key.as_str() {
            "driver" => req.driver = val,
            "count" => req.count = parse_count(&val)?,
            "device" => req.device_ids = Some(val.split(',').map(str::to_string).collect()),
            "capabilities" => {
                let mut caps: Vec<String> = val.split(',').map(str::to_string).collect();
                caps.push("gpu".to_string());
                req.capabilities = Some(vec![caps]);
            }
            "options" => {
                let fields =
                    csv_fields(&val).map_err(|e| format!("failed to read gpu options: {e}"))?;
                req.options = Some(kv_map(&fields));
            }
            _ => return Err(format!("unexpected key '{key}' in '{field}'")),
        }
    }
    if !seen.contains("count") && req.device_ids.is_none() {
        req.count = 1;
    }
    req.options.get_or_insert_with(BTreeMap::new);
    req.capabilities
        .get_or_insert_with(|| vec![vec!["gpu".to_string()]]);
    Ok(req)
}

/// `opts.ConvertKVStringsToMap`: `k=v` → k: v, bare `k` → k: "".
fn kv_map(values: &[String]) -> BTreeMap<String, String> {
    values
        .iter()
        .map(|v| match v.split_once('=') {
            Some((k, v)) => (k.to_string(), v.to_string()),
            None => (v.clone(), String::new()),
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Files: --env-file and --label-file (docker's `pkg/kvfile`).

/// Go's `open <path>: <errno text>`.
fn go_open_error(path: &str, err: &std::io::Error) -> String {
    format!("open {path}: {}", crate::engine::stream::go_errno_text(err))
}

/// Looks up a host environment variable.
pub type Lookup<'a> = &'a dyn Fn(&str) -> Option<String>;

/// Parse a key-value file. `lookup` gives bare `KEY` lines the host's value (env files); with
/// `None` such lines are dropped (label files).
pub fn parse_kv_file(path: &str, lookup: Option<Lookup>) -> Result<Vec<String>, String> {
    let bytes = std::fs::read(path).map_err(|e| go_open_error(path, &e))?;
    parse_kv_bytes(&bytes, lookup).map_err(|e| format!("invalid env file ({path}): {e}"))
}

/// The body of [`parse_kv_file`], on the file's bytes.
pub fn parse_kv_bytes(bytes: &[u8], lookup: Option<Lookup>) -> Result<Vec<String>, String> {
    const MAX_LINE: usize = 64 * 1024;
    let mut out = Vec::new();
    let mut rest = bytes;
    let mut line_no = 0;
    while !rest.is_empty() {
        line_no += 1;
        // bufio.ScanLines: split at \n, drop one trailing \r.
        let (mut line, next) = match rest.iter().position(|b| *b == b'\n') {
            Some(i) => (&rest[..i], &rest[i + 1..]),
            None => (rest, &rest[rest.len()..]),
        };
        if line.len() >= MAX_LINE {
            return Err("bufio.Scanner: token too long".to_string());
        }
        rest = next;
        if let Some(l) = line.strip_suffix(b"\r") {
            line = l;
        }
        let Ok(text) = std::str::from_utf8(line) else {
            let list: Vec<String> = line.iter().map(u8::to_string).collect();
            return Err(format!(
                "invalid utf8 bytes at line {line_no}: [{}]",
                list.join(" ")
            ));
        };
        let text = if line_no == 1 {
            text.strip_prefix('\u{feff}').unwrap_or(text)
        } else {
            text
        };
        let text = text.trim_start();
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        let (key, has_value) = match text.split_once('=') {
            Some((k, _)) => (k, true),
            None => (text, false),
        };
        if key.is_empty() {
            return Err(format!("no variable name on line '{text}'"));
        }
        if key.contains([' ', '\t']) {
            return Err(format!("variable '{key}' contains whitespaces"));
        }
        if has_value {
            out.push(text.to_string());
        } else if let Some(lookup) = lookup {
            if let Some(v) = lookup(text) {
                out.push(format!("{key}={v}"));
            }
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Ports (go-connections/nat).

/// `nat.ParsePortRange`.
fn parse_port_range(ports: &str) -> Result<(u64, u64), String> {
    if ports.is_empty() {
        return Err("empty string specified for ports".to_string());
    }
    if !ports.contains('-') {
        let start = go_uint10_16(ports)?;
        return Ok((start, start));
    }
    let mut parts = ports.split('-');
    let start = go_uint10_16(parts.next().unwrap_or(""))?;
    let end = go_uint10_16(parts.next().unwrap_or(""))?;
    if end < start {
        return Err(format!("invalid range specified for port: {ports}"));
    }
    Ok((start, end))
}

/// `strconv.ParseUint(s, 10, 16)`.
fn go_uint10_16(s: &str) -> Result<u64, String> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(num_error("ParseUint", s, "invalid syntax"));
    }
    match s.parse::<u64>() {
        Ok(v) if v <= 65535 => Ok(v),
        _ => Err(num_error("ParseUint", s, "value out of range")),
    }
}

/// `nat.SplitProtoPort`: (proto, port).
fn split_proto_port(raw: &str) -> (String, String) {
    let parts: Vec<&str> = raw.split('/').collect();
    if raw.is_empty() || parts[0].is_empty() {
        return (String::new(), String::new());
    }
    if parts.len() == 1 || parts[1].is_empty() {
        return ("tcp".to_string(), parts[0].to_string());
    }
    (parts[1].to_string(), parts[0].to_string())
}

/// Go's `net.SplitHostPort(ip + ":")` host part for a bracketed address.
fn split_bracketed(ip: &str) -> Result<String, String> {
    let hp = format!("{ip}:");
    let addr_err = |why: &str| format!("invalid IP address {ip}: address {hp}: {why}");
    let Some(end) = hp.find(']') else {
        return Err(addr_err("missing ']' in address"));
    };
    let last_colon = hp.rfind(':').unwrap_or(0);
    if end + 1 == hp.len() {
        return Err(addr_err("missing port in address"));
    }
    if end + 1 != last_colon {
        if hp.as_bytes()[end + 1] == b':' {
            return Err(addr_err("too many colons in address"));
        }
        return Err(addr_err("missing port in address"));
    }
    if hp[1..].contains('[') {
        return Err(addr_err("unexpected '[' in address"));
    }
    if hp[end + 1..].contains(']') {
        return Err(addr_err("unexpected ']' in address"));
    }
    Ok(hp[1..end].to_string())
}

/// `nat.ParsePortSpec`: one `-p` value → (port key, binding) pairs.
pub fn parse_port_spec(raw: &str) -> Result<Vec<(String, PortBinding)>, String> {
    let parts: Vec<&str> = raw.split(':').collect();
    let n = parts.len();
    let (ip, host_port, container) = match n {
        1 => (String::new(), String::new(), parts[0]),
        2 => (String::new(), parts[0].to_string(), parts[1]),
        3 => (parts[0].to_string(), parts[1].to_string(), parts[2]),
        _ => (
            parts[..n - 2].join(":"),
            parts[n - 2].to_string(),
            parts[n - 1],
        ),
    };
    let (proto, container_port) = split_proto_port(container);
    let mut ip = ip;
    if ip.starts_with('[') {
        ip = split_bracketed(&ip)?;
    }
    if !ip.is_empty() && go_ip_string(&ip).is_none() {
        return Err(format!("invalid IP address: {ip}"));
    }
    if container_port.is_empty() {
        return Err(format!("no port specified: {raw}<empty>"));
    }
    let (start, end) = parse_port_range(&container_port)
        .map_err(|_| format!("invalid containerPort: {container_port}"))?;
    let (mut hstart, mut hend) = (0, 0);
    if !host_port.is_empty() {
        (hstart, hend) =
            parse_port_range(&host_port).map_err(|_| format!("invalid hostPort: {host_port}"))?;
    }
    if !host_port.is_empty() && (end - start) != hend.wrapping_sub(hstart) && end != start {
        return Err(format!(
            "invalid ranges specified for container and host Ports: {container_port} and {host_port}"
        ));
    }
    let proto = proto.to_lowercase();
    if !["tcp", "udp", "sctp"].contains(&proto.as_str()) {
        return Err(format!("invalid proto: {}", split_proto_port(container).0));
    }
    let mut out = Vec::new();
    for i in 0..=(end - start) {
        let mut hp = String::new();
        if !host_port.is_empty() {
            hp = (hstart + i).to_string();
        }
        if start == end && hstart != hend {
            hp = format!("{hp}-{hend}");
        }
        out.push((
            format!("{}/{proto}", start + i),
            PortBinding {
                host_ip: ip.clone(),
                host_port: hp,
            },
        ));
    }
    Ok(out)
}

/// `convertToStandardNotation`: the long form `published=…,target=…,protocol=…`.
fn convert_to_standard_notation(publish: &str) -> Result<String, String> {
    if !publish.contains('=') {
        return Ok(publish.to_string());
    }
    let mut params: BTreeMap<String, String> = BTreeMap::new();
    params.insert("protocol".into(), "tcp".into());
    for param in publish.split(',') {
        match param.split_once('=') {
            Some((k, v)) if !k.is_empty() => {
                params.insert(k.to_string(), v.to_string());
            }
            _ => {
                return Err(format!(
                    "invalid publish opts format (should be name=value but got '{param}')"
                ))
            }
        }
    }
    let get = |k: &str| params.get(k).cloned().unwrap_or_default();
    Ok(format!(
        "{}:{}/{}",
        get("published"),
        get("target"),
        get("protocol")
    ))
}

/// Exposed ports and bindings from `-p` and `--expose`.
pub type Ports = (BTreeMap<String, Empty>, BTreeMap<String, Vec<PortBinding>>);

/// `-p` values (`nat.ParsePortSpecs`) plus `--expose` values.
pub fn parse_ports(publish: &[String], expose: &[String]) -> Result<Ports, String> {
    let mut exposed = BTreeMap::new();
    let mut bindings: BTreeMap<String, Vec<PortBinding>> = BTreeMap::new();
    for p in publish {
        let spec = convert_to_standard_notation(p)?;
        for (port, binding) in parse_port_spec(&spec)? {
            exposed.insert(port.clone(), Empty {});
            bindings.entry(port).or_default().push(binding);
        }
    }
    for e in expose {
        if e.contains(':') {
            return Err(format!("invalid port format for --expose: {e}"));
        }
        let (proto, port) = split_proto_port(e);
        let (start, end) = parse_port_range(&port)
            .map_err(|err| format!("invalid range format for --expose: {e}, error: {err}"))?;
        for i in start..=end {
            exposed.entry(format!("{i}/{proto}")).or_insert(Empty {});
        }
    }
    Ok((exposed, bindings))
}

// ---------------------------------------------------------------------------------------------
// Volumes (compose `loader.ParseVolume` as docker uses it for `-v`).

/// What `-v` means: a bind/named volume (`source` set) or an anonymous volume.
#[derive(Debug, PartialEq)]
pub struct VolumeSpec {
    pub source: String,
    pub target: String,
    pub is_bind: bool,
}

/// compose's `ParseVolume` (only what `run` uses of it).
pub fn parse_volume(spec: &str) -> Result<VolumeSpec, String> {
    match spec.len() {
        0 => return Err("invalid empty volume spec".to_string()),
        1 | 2 => {
            return Ok(VolumeSpec {
                source: String::new(),
                target: spec.to_string(),
                is_bind: false,
            })
        }
        _ => {}
    }
    let (mut source, mut target) = (String::new(), String::new());
    let mut buffer: Vec<char> = Vec::new();
    let chars: Vec<char> = spec.chars().chain(std::iter::once('\0')).collect();
    for &c in &chars {
        let windows_drive = c == ':' && buffer.len() == 1 && buffer[0].is_alphabetic();
        if windows_drive {
            buffer.push(c);
        } else if c == ':' || c == '\0' {
            let text: String = buffer.iter().collect();
            let err = if buffer.is_empty() {
                Some("empty section between colons")
            } else if source.is_empty() && c == '\0' {
                target = text;
                None
            } else if source.is_empty() {
                source = text;
                None
            } else if target.is_empty() {
                target = text;
                None
            } else if c == ':' {
                Some("too many colons")
            } else {
                None // options (ro, rw, nocopy, propagation): the daemon reads them from Binds
            };
            if let Some(err) = err {
                return Err(format!("invalid spec: {spec}: {err}"));
            }
            buffer.clear();
        } else {
            buffer.push(c);
        }
    }
    let is_bind = !source.is_empty() && is_file_path(&source);
    Ok(VolumeSpec {
        source,
        target,
        is_bind,
    })
}

fn is_file_path(source: &str) -> bool {
    let b = source.as_bytes();
    if matches!(b[0], b'.' | b'/' | b'~') {
        return true;
    }
    let mut chars = source.chars();
    let first = chars.next().unwrap_or(' ');
    if source.chars().count() == 1 {
        return false;
    }
    if source.starts_with("\\\\") {
        return true;
    }
    chars.next() == Some(':') && first.is_alphabetic()
}

/// `-v` values → (`HostConfig.Binds`, `Config.Volumes`). Duplicates collapse as in docker's
/// set; the order is the command line's (docker's is random).
pub fn parse_volumes(specs: &[String]) -> Result<(Vec<String>, BTreeMap<String, Empty>), String> {
    let mut binds = Vec::new();
    let mut volumes = BTreeMap::new();
    let mut seen = std::collections::HashSet::new();
    for spec in specs {
        if !seen.insert(spec.as_str()) {
            continue;
        }
        let parsed = parse_volume(spec)?;
        if parsed.source.is_empty() {
            volumes.insert(spec.clone(), Empty {});
            continue;
        }
        let mut to_bind = spec.clone();
        if parsed.is_bind {
            if let Some((host, target)) = spec.split_once(':') {
                let mut host = host.to_string();
                if !host.starts_with('/') && host.starts_with('.') {
                    if let Some(abs) = abs_path(&host) {
                        host = abs;
                    }
                }
                to_bind = format!("{host}:{target}");
            }
        }
        binds.push(to_bind);
    }
    Ok((binds, volumes))
}

// ---------------------------------------------------------------------------------------------
// The rest of `parse()`'s helpers.

/// `opts.ParseRestartPolicy`.
pub fn parse_restart_policy(policy: &str) -> Result<RestartPolicy, String> {
    if policy.is_empty() {
        return Ok(RestartPolicy::default());
    }
    let (k, v) = policy
        .split_once(':')
        .map_or((policy, None), |(k, v)| (k, Some(v)));
    if v.is_some() && k.is_empty() {
        return Err("invalid restart policy format: no policy provided before colon".into());
    }
    let mut p = RestartPolicy {
        name: k.to_string(),
        maximum_retry_count: 0,
    };
    if let Some(v) = v.filter(|v| !v.is_empty()) {
        p.maximum_retry_count = go_atoi(v).ok_or_else(|| {
            "invalid restart policy format: maximum retry count must be an integer".to_string()
        })?;
    }
    Ok(p)
}

/// `parseSecurityOpts`: checks the format and inlines a seccomp profile file.
pub fn parse_security_opts(opts: &[String]) -> Result<Vec<String>, String> {
    let mut out = Vec::with_capacity(opts.len());
    for opt in opts {
        let (mut k, mut v, mut ok) = match opt.split_once('=') {
            Some((k, v)) => (k, v, true),
            None => (opt.as_str(), "", false),
        };
        if !ok && k != "no-new-privileges" {
            (k, v, ok) = match opt.split_once(':') {
                Some((k, v)) => (k, v, true),
                None => (opt.as_str(), "", false),
            };
        }
        if (!ok || v.is_empty()) && k != "no-new-privileges" {
            return Err(format!("Invalid --security-opt: {}", go_quote(opt)));
        }
        if k == "seccomp" && v != "builtin" && v != "unconfined" {
            let bytes = std::fs::read(v).map_err(|e| {
                format!(
                    "opening seccomp profile ({v}) failed: {}",
                    go_open_error(v, &e)
                )
            })?;
            let compact = json_compact(&bytes)
                .map_err(|e| format!("compacting json for seccomp profile ({v}) failed: {e}"))?;
            out.push(format!("seccomp={compact}"));
            continue;
        }
        out.push(opt.clone());
    }
    Ok(out)
}

/// Go's `json.Compact`: the same document without insignificant whitespace, keys in order.
fn json_compact(bytes: &[u8]) -> Result<String, String> {
    serde_json::from_slice::<serde::de::IgnoredAny>(bytes).map_err(|e| e.to_string())?;
    let mut out = Vec::with_capacity(bytes.len());
    let (mut in_str, mut escaped) = (false, false);
    for &b in bytes {
        if in_str {
            out.push(b);
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_str = false;
            }
        } else if b == b'"' {
            in_str = true;
            out.push(b);
        } else if !matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
            out.push(b);
        }
    }
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// `validateLinuxPath` + `parseLinuxDevice` for `--device host[:container][:perms]`.
pub fn parse_device(device: &str) -> Result<DeviceMapping, String> {
    let valid_mode = |m: &str| {
        !m.is_empty() && {
            let mut seen = [false; 3];
            m.chars().all(|c| {
                let i = match c {
                    'r' => 0,
                    'w' => 1,
                    'm' => 2,
                    _ => return false,
                };
                !std::mem::replace(&mut seen[i], true)
            })
        }
    };
    let clean = |p: &str| {
        if p.starts_with('/') {
            clean_path(Path::new(p))
        } else {
            p.to_string()
        }
    };
    if device.matches(':').count() > 2 {
        return Err(format!("bad format for path: {device}"));
    }
    let split: Vec<&str> = device.splitn(3, ':').collect();
    if split[0].is_empty() {
        return Err(format!("bad format for path: {device}"));
    }
    let (container_path, validated) = match split.as_slice() {
        [p] => (p.to_string(), clean(p)),
        [a, b] if valid_mode(b) => (a.to_string(), format!("{}:{b}", clean(a))),
        [a, b] => (b.to_string(), format!("{a}:{}", clean(b))),
        [a, b, m] => {
            if !valid_mode(m) {
                return Err(format!("bad mode specified: {m}"));
            }
            (b.to_string(), format!("{a}:{b}:{m}"))
        }
        _ => unreachable!("splitn(3) yields one to three parts"),
    };
    if !container_path.starts_with('/') {
        return Err(format!("{container_path} is not an absolute path"));
    }
    let arr: Vec<&str> = validated.splitn(4, ':').collect();
    let mut perms = "rwm".to_string();
    let mut dst = String::new();
    let src = arr[0].to_string();
    if arr.len() == 3 {
        perms = arr[2].to_string();
    }
    if arr.len() >= 2 {
        if valid_mode(arr[1]) {
            perms = arr[1].to_string();
        } else {
            dst = arr[1].to_string();
        }
    }
    if dst.is_empty() {
        dst = src.clone();
    }
    Ok(DeviceMapping {
        path_on_host: src,
        path_in_container: dst,
        cgroup_permissions: perms,
    })
}

/// CDI's `IsQualifiedName`: `vendor.com/class=name`.
fn is_cdi_name(device: &str) -> bool {
    let Some((kind, name)) = device.split_once('=') else {
        return false;
    };
    let Some((vendor, class)) = kind.split_once('/') else {
        return false;
    };
    let alnum_start = |s: &str| s.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
    let alnum_end = |s: &str| s.chars().last().is_some_and(|c| c.is_ascii_alphanumeric());
    alnum_start(vendor)
        && alnum_end(vendor)
        && vendor
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        && alnum_start(class)
        && alnum_end(class)
        && class
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
        && alnum_start(name)
        && alnum_end(name)
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ':'))
}

/// Go's `net.ParseMAC` acceptance.
fn valid_mac(s: &str) -> bool {
    let s = s.trim();
    let hex = |g: &str, n: usize| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit());
    for sep in [':', '-'] {
        let groups: Vec<&str> = s.split(sep).collect();
        if [6, 8, 20].contains(&groups.len()) && groups.iter().all(|g| hex(g, 2)) {
            return true;
        }
    }
    let groups: Vec<&str> = s.split('.').collect();
    [3, 4, 10].contains(&groups.len()) && groups.iter().all(|g| hex(g, 4))
}

/// `container.NetworkMode(n).IsUserDefined()` on Linux.
fn is_user_defined(n: &str) -> bool {
    !matches!(n, "default" | "bridge" | "host" | "none") && !n.starts_with("container:")
}

/// `NetworkMode.NetworkName()`.
fn network_name(n: &str) -> &str {
    if n.starts_with("container:") {
        "container"
    } else {
        n
    }
}

/// docker's `normalizeCapabilities`: upper-case, `CAP_` prefix, unique, sorted; `None` if empty.
fn normalize_caps(caps: &[String]) -> Option<Vec<String>> {
    let mut out: Vec<String> = caps
        .iter()
        .map(|c| {
            let c = c.to_uppercase();
            if c == "ALL" || c.starts_with("CAP_") {
                c
            } else {
                format!("CAP_{c}")
            }
        })
        .collect();
    out.sort();
    out.dedup();
    (!out.is_empty()).then_some(out)
}

/// A parsed `--platform` (containerd `platforms.Parse`), formatted as the query wants it.
pub fn parse_platform(spec: &str) -> Result<(String, String), String> {
    let invalid = "invalid argument";
    if spec.contains('*') {
        return Err(format!(
            "{}: wildcards not yet supported: {invalid}",
            go_quote(spec)
        ));
    }
    let parts: Vec<&str> = spec.splitn(4, '/').collect();
    let word = |s: &str, extra: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || extra.contains(c))
    };
    // <os>[(<osversion>)]
    let first = parts[0];
    let os = match first.split_once('(') {
        Some((os, ver)) if ver.ends_with(')') && word(os, "") && (ver.len() == 1 || word(&ver[..ver.len() - 1], ".")) => os,
        None if word(first, "") => first,
        _ => {
            return Err(format!(
                "{} is an invalid OS component of {}: OSAndVersion specifier component must match \"^([A-Za-z0-9_-]+)(?:\\\\(([A-Za-z0-9_.-]*)\\\\))?$\": {invalid}",
                go_quote(first),
                go_quote(spec)
            ))
        }
    };
    for part in &parts[1..] {
        if !word(part, "") {
            return Err(format!(
                "{} is an invalid component of {}: platform specifier component must match \"^[A-Za-z0-9_-]+$\": {invalid}",
                go_quote(part),
                go_quote(spec)
            ));
        }
    }
    let os = match os.to_lowercase().as_str() {
        "macos" => "darwin".to_string(),
        o => o.to_string(),
    };
    let normalize_arch = |arch: &str, variant: &str| -> (String, String) {
        let (arch, variant) = (arch.to_lowercase(), variant.to_lowercase());
        match arch.as_str() {
            "i386" => ("386".into(), String::new()),
            "x86_64" | "x86-64" | "amd64" => (
                "amd64".into(),
                if variant == "v1" {
                    String::new()
                } else {
                    variant
                },
            ),
            "aarch64" | "arm64" => {
                let v = match variant.as_str() {
                    "8" | "v8" | "v8.0" => String::new(),
                    "9" | "9.0" | "v9.0" => "v9".into(),
                    _ => variant,
                };
                ("arm64".into(), v)
            }
            "armhf" => ("arm".into(), "v7".into()),
            "armel" => ("arm".into(), "v6".into()),
            "arm" => {
                let v = match variant.as_str() {
                    "" | "7" => "v7".into(),
                    "5" | "6" | "8" => format!("v{variant}"),
                    _ => variant,
                };
                ("arm".into(), v)
            }
            _ => (arch, variant),
        }
    };
    const KNOWN_OS: [&str; 17] = [
        "aix",
        "android",
        "darwin",
        "dragonfly",
        "freebsd",
        "hurd",
        "illumos",
        "ios",
        "js",
        "linux",
        "nacl",
        "netbsd",
        "openbsd",
        "plan9",
        "solaris",
        "windows",
        "zos",
    ];
    const KNOWN_ARCH: [&str; 24] = [
        "386",
        "amd64",
        "amd64p32",
        "arm",
        "armbe",
        "arm64",
        "arm64be",
        "ppc64",
        "ppc64le",
        "loong64",
        "mips",
        "mipsle",
        "mips64",
        "mips64le",
        "mips64p32",
        "mips64p32le",
        "ppc",
        "riscv",
        "riscv64",
        "s390",
        "s390x",
        "sparc",
        "sparc64",
        "wasm",
    ];
    let host_arch = match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        "x86" => "386",
        other => other,
    };
    let (os, arch, variant) = match parts.len() {
        1 => {
            if KNOWN_OS.contains(&os.as_str()) {
                (os, host_arch.to_string(), String::new())
            } else {
                let (a, mut v) = normalize_arch(parts[0], "");
                if a == "arm" && v == "v7" {
                    v.clear();
                }
                if !KNOWN_ARCH.contains(&a.as_str()) {
                    return Err(format!(
                        "{}: unknown operating system or architecture: {invalid}",
                        go_quote(spec)
                    ));
                }
                ("linux".to_string(), a, v)
            }
        }
        2 => {
            let (a, mut v) = normalize_arch(parts[1], "");
            if a == "arm" && v == "v7" {
                v.clear();
            }
            (os, a, v)
        }
        3 => {
            let (a, mut v) = normalize_arch(parts[1], parts[2]);
            if a == "arm64" && v.is_empty() {
                v = "v8".into();
            }
            (os, a, v)
        }
        _ => {
            return Err(format!(
                "{}: cannot parse platform specifier: {invalid}",
                go_quote(spec)
            ))
        }
    };
    let formatted = [os.as_str(), arch.as_str(), variant.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join("/");
    Ok((os, formatted))
}

// ---------------------------------------------------------------------------------------------
// parse(): the flags → the create body.

/// Everything `parse` needs from outside the flags.
pub struct ParseEnv<'a> {
    /// `HTTP_PROXY`-style variables from config.json's `proxies` for this daemon.
    pub proxies: &'a [(String, String)],
    /// Host environment lookup for bare `KEY`s in env files.
    pub lookup_env: Lookup<'a>,
}

/// The result of [`parse`].
#[derive(Debug)]
pub struct Parsed {
    pub body: CreateBody,
}

/// docker's `parse()`: build the create request from the flags. Errors are the bare messages
/// docker wraps as `docker: <msg>` (exit 125).
pub fn parse(a: &RunArgs, env: &ParseEnv) -> Result<Parsed, String> {
    let image = a.args.first().cloned().unwrap_or_default();
    let cmd: Option<Vec<String>> = (a.args.len() > 1).then(|| a.args[1..].to_vec());

    let mut attach_stdin = a.attach.iter().any(|s| s == "stdin");
    let mut attach_stdout = a.attach.iter().any(|s| s == "stdout");
    let mut attach_stderr = a.attach.iter().any(|s| s == "stderr");

    if let Some(mac) = a.mac_address.as_deref().filter(|m| !m.is_empty()) {
        if !valid_mac(mac) {
            return Err(format!("{mac} is not a valid mac address"));
        }
    }
    if a.interactive {
        attach_stdin = true;
    }
    if a.attach.is_empty() {
        attach_stdout = true;
        attach_stderr = true;
    }
    let swappiness = a.memory_swappiness.unwrap_or(-1);
    if swappiness != -1 && !(0..=100).contains(&swappiness) {
        return Err(format!(
            "invalid value: {swappiness}. Valid memory swappiness range is 0-100"
        ));
    }
    let (binds, volumes) = parse_volumes(&a.volume)?;

    let tmpfs: BTreeMap<String, String> = a
        .tmpfs
        .iter()
        .map(|t| {
            let (k, v) = t.split_once(':').unwrap_or((t, ""));
            (k.to_string(), v.to_string())
        })
        .collect();

    let entrypoint = match a.entrypoint.as_deref() {
        Some("") => Some(vec![String::new()]),
        Some(e) => Some(vec![e.to_string()]),
        None => None,
    };

    let (exposed, port_bindings) = parse_ports(&a.publish, &a.expose)?;

    let mut devices = Vec::new();
    let mut cdi_devices = Vec::new();
    for d in &a.device {
        if is_cdi_name(d) {
            cdi_devices.push(d.clone());
            continue;
        }
        devices.push(parse_device(d)?);
    }

    // `-e` values go through docker's proxy-config map (deduplicated, last wins), after the
    // env files. docker's map order is random; dkr keeps first-appearance order.
    let mut env_vars: Vec<String> = Vec::new();
    for f in &a.env_file {
        env_vars.extend(parse_kv_file(f, Some(env.lookup_env))?);
    }
    env_vars.extend(merge_env_with_proxies(&a.env, env.proxies));

    let mut labels: Vec<String> = Vec::new();
    for f in &a.label_file {
        labels.extend(parse_kv_file(f, None)?);
    }
    labels.extend(a.label.iter().cloned());

    let pid = a.pid.clone().unwrap_or_default();
    if !(pid.is_empty()
        || pid == "host"
        || pid
            .strip_prefix("container:")
            .is_some_and(|c| !c.is_empty()))
    {
        return Err("--pid: invalid PID mode".into());
    }
    let uts = a.uts.clone().unwrap_or_default();
    if !(uts.is_empty() || uts == "host") {
        return Err("--uts: invalid UTS mode".into());
    }
    let userns = a.userns.clone().unwrap_or_default();
    if !(userns.is_empty() || userns == "host") {
        return Err("--userns: invalid USER mode".into());
    }
    let cgroupns = a.cgroupns.clone().unwrap_or_default();
    if !matches!(cgroupns.as_str(), "" | "host" | "private") {
        return Err("--cgroupns: invalid CGROUP mode".into());
    }
    let restart = parse_restart_policy(&a.restart)?;

    let log_driver = a.log_driver.clone().unwrap_or_default();
    if log_driver == "none" && !a.log_opt.is_empty() {
        return Err(format!("invalid logging opts for driver {log_driver}"));
    }
    let log_opts = kv_map(&a.log_opt);

    let security = parse_security_opts(&a.security_opt)?;
    let unconfined = security.iter().any(|o| o == "systempaths=unconfined");
    let security: Vec<String> = security
        .into_iter()
        .filter(|o| o != "systempaths=unconfined")
        .collect();
    let (masked_paths, readonly_paths) = if unconfined {
        (Some(vec![]), Some(vec![]))
    } else {
        (None, None)
    };

    let mut storage = BTreeMap::new();
    for o in &a.storage_opt {
        let (k, v) = o.split_once('=').ok_or("invalid storage option")?;
        storage.insert(k.to_string(), v.to_string());
    }

    let healthcheck = health_config(a)?;

    let mut device_requests: Vec<DeviceRequest> = a.gpus.clone();
    if !cdi_devices.is_empty() {
        device_requests.push(DeviceRequest {
            driver: "cdi".into(),
            device_ids: Some(cdi_devices),
            ..DeviceRequest::default()
        });
    }

    // Ulimits: one per name (last wins), sorted by name.
    let mut ulimits: BTreeMap<String, Ulimit> = BTreeMap::new();
    for u in &a.ulimit {
        ulimits.insert(u.name.clone(), u.clone());
    }

    let mut sysctls = BTreeMap::new();
    for s in &a.sysctl {
        let (k, v) = s.split_once('=').unwrap_or((s, ""));
        sysctls.insert(k.to_string(), v.to_string());
    }
    let mut annotations = BTreeMap::new();
    for s in &a.annotation {
        let (k, v) = s.split_once('=').unwrap_or((s, ""));
        annotations.insert(k.to_string(), v.to_string());
    }

    let network_mode = a
        .network
        .first()
        .map_or("default".to_string(), |n| n.target.clone());

    let config = Config {
        hostname: a.hostname.clone().unwrap_or_default(),
        domainname: a.domainname.clone().unwrap_or_default(),
        user: a.user.clone().unwrap_or_default(),
        attach_stdin,
        attach_stdout,
        attach_stderr,
        exposed_ports: Some(exposed),
        tty: a.tty,
        open_stdin: a.interactive,
        stdin_once: a.interactive && attach_stdin,
        env: (!env_vars.is_empty()).then_some(env_vars),
        cmd,
        healthcheck,
        args_escaped: false,
        image,
        volumes: Some(volumes),
        working_dir: a.workdir.clone().unwrap_or_default(),
        entrypoint,
        network_disabled: false,
        mac_address: a.mac_address.clone().unwrap_or_default(),
        on_build: None,
        labels: Some(kv_map(&labels)),
        stop_signal: a.stop_signal.clone().unwrap_or_default(),
        stop_timeout: a.stop_timeout,
        shell: None,
    };

    let some_vec = |v: &Vec<String>| (!v.is_empty()).then(|| v.clone());
    let host = HostConfig {
        binds: (!binds.is_empty()).then_some(binds),
        container_id_file: a.cidfile.clone().unwrap_or_default(),
        log_config: LogConfig {
            kind: log_driver,
            config: Some(log_opts),
        },
        network_mode,
        port_bindings: Some(port_bindings),
        restart_policy: restart.clone(),
        auto_remove: a.rm,
        volume_driver: a.volume_driver.clone().unwrap_or_default(),
        volumes_from: some_vec(&a.volumes_from),
        console_size: [0, 0],
        annotations: Some(annotations),
        cap_add: normalize_caps(&a.cap_add),
        cap_drop: normalize_caps(&a.cap_drop),
        cgroupns_mode: cgroupns,
        dns: Some(a.dns.clone()),
        dns_options: Some(a.dns_option.clone()),
        dns_search: Some(a.dns_search.clone()),
        extra_hosts: some_vec(&a.add_host),
        group_add: some_vec(&a.group_add),
        ipc_mode: a.ipc.clone().unwrap_or_default(),
        cgroup: String::new(),
        links: some_vec(&a.link),
        oom_score_adj: a.oom_score_adj.unwrap_or(0),
        pid_mode: pid,
        privileged: a.privileged,
        publish_all_ports: a.publish_all,
        readonly_rootfs: a.read_only,
        security_opt: (!security.is_empty()).then_some(security),
        storage_opt: Some(storage),
        tmpfs: Some(tmpfs),
        uts_mode: uts,
        userns_mode: userns,
        shm_size: a.shm_size.unwrap_or(0),
        sysctls: Some(sysctls),
        runtime: a.runtime.clone().unwrap_or_default(),
        isolation: a.isolation.clone().unwrap_or_default(),
        cpu_shares: a.cpu_shares.unwrap_or(0),
        memory: a.memory.unwrap_or(0),
        nano_cpus: a.cpus.unwrap_or(0),
        cgroup_parent: a.cgroup_parent.clone().unwrap_or_default(),
        blkio_weight: a.blkio_weight.unwrap_or(0),
        blkio_weight_device: a.blkio_weight_device.clone(),
        blkio_device_read_bps: a.device_read_bps.clone(),
        blkio_device_write_bps: a.device_write_bps.clone(),
        blkio_device_read_iops: a.device_read_iops.clone(),
        blkio_device_write_iops: a.device_write_iops.clone(),
        cpu_period: a.cpu_period.unwrap_or(0),
        cpu_quota: a.cpu_quota.unwrap_or(0),
        cpu_realtime_period: a.cpu_rt_period.unwrap_or(0),
        cpu_realtime_runtime: a.cpu_rt_runtime.unwrap_or(0),
        cpuset_cpus: a.cpuset_cpus.clone().unwrap_or_default(),
        cpuset_mems: a.cpuset_mems.clone().unwrap_or_default(),
        devices,
        device_cgroup_rules: some_vec(&a.device_cgroup_rule),
        device_requests: (!device_requests.is_empty()).then_some(device_requests),
        kernel_memory: a.kernel_memory.unwrap_or(0),
        kernel_memory_tcp: 0,
        memory_reservation: a.memory_reservation.unwrap_or(0),
        memory_swap: a.memory_swap.unwrap_or(0),
        memory_swappiness: swappiness,
        oom_kill_disable: a.oom_kill_disable,
        pids_limit: a.pids_limit.unwrap_or(0),
        ulimits: ulimits.into_values().collect(),
        cpu_count: a.cpu_count.unwrap_or(0),
        cpu_percent: a.cpu_percent.unwrap_or(0),
        io_maximum_iops: a.io_maxiops.unwrap_or(0),
        io_maximum_bandwidth: a.io_maxbandwidth.unwrap_or(0) as u64,
        mounts: (!a.mount.is_empty()).then(|| a.mount.clone()),
        masked_paths,
        readonly_paths,
        init: a.init,
    };

    if a.rm && !(restart.name.is_empty() || restart.name == "no") {
        return Err("conflicting options: cannot specify both --restart and --rm".into());
    }

    let endpoints = parse_network_opts(a)?;
    let mut config = config;
    // The main network's MAC also goes into Config for daemons older than API 1.44.
    if let Some(ep) = endpoints.get(network_name(&host.network_mode)) {
        config.mac_address = ep.mac_address.clone();
    }

    Ok(Parsed {
        body: CreateBody {
            config,
            host_config: host,
            networking_config: NetworkingConfig {
                endpoints_config: endpoints,
            },
        },
    })
}

/// The health-check flags → `Config.Healthcheck`.
fn health_config(a: &RunArgs) -> Result<Option<HealthConfig>, String> {
    let cmd = a.health_cmd.clone().unwrap_or_default();
    let (interval, timeout) = (
        a.health_interval.unwrap_or(0),
        a.health_timeout.unwrap_or(0),
    );
    let (start_period, start_interval) = (
        a.health_start_period.unwrap_or(0),
        a.health_start_interval.unwrap_or(0),
    );
    let retries = a.health_retries.unwrap_or(0);
    let have = !cmd.is_empty()
        || interval != 0
        || timeout != 0
        || start_period != 0
        || retries != 0
        || start_interval != 0;
    if a.no_healthcheck {
        if have {
            return Err("--no-healthcheck conflicts with --health-* options".into());
        }
        return Ok(Some(HealthConfig {
            test: Some(vec!["NONE".into()]),
            ..HealthConfig::default()
        }));
    }
    if !have {
        return Ok(None);
    }
    for (v, name) in [
        (interval, "--health-interval"),
        (timeout, "--health-timeout"),
        (retries, "--health-retries"),
        (start_period, "--health-start-period"),
        (start_interval, "--health-start-interval"),
    ] {
        if v < 0 {
            return Err(format!("{name} cannot be negative"));
        }
    }
    Ok(Some(HealthConfig {
        test: (!cmd.is_empty()).then(|| vec!["CMD-SHELL".to_string(), cmd]),
        interval,
        timeout,
        start_period,
        start_interval,
        retries,
    }))
}

/// `ParseProxyConfig` over the `-e` values: a map (last wins) with `proxies` from config.json
/// added under both upper- and lower-case names unless `-e` set them.
pub fn merge_env_with_proxies(env: &[String], proxies: &[(String, String)]) -> Vec<String> {
    let mut order: Vec<String> = Vec::new();
    let mut map: std::collections::HashMap<String, Option<String>> =
        std::collections::HashMap::new();
    for e in env {
        let (k, v) = match e.split_once('=') {
            Some((k, v)) => (k.to_string(), Some(v.to_string())),
            None => (e.clone(), None),
        };
        if !map.contains_key(&k) {
            order.push(k.clone());
        }
        map.insert(k, v);
    }
    for (k, v) in proxies {
        if v.is_empty() {
            continue;
        }
        for key in [k.clone(), k.to_lowercase()] {
            if let std::collections::hash_map::Entry::Vacant(e) = map.entry(key.clone()) {
                e.insert(Some(v.clone()));
                order.push(key);
            }
        }
    }
    order
        .into_iter()
        .map(|k| match map.remove(&k).flatten() {
            Some(v) => format!("{k}={v}"),
            None => k,
        })
        .collect()
}

/// `parseNetworkOpts`: `--network` values (with `--network-alias`, `--link`, `--ip`, `--ip6`,
/// `--mac-address`, `--link-local-ip` applied to the first) → `EndpointsConfig`.
fn parse_network_opts(a: &RunArgs) -> Result<BTreeMap<String, EndpointSettings>, String> {
    let mut endpoints = BTreeMap::new();
    let (mut user_defined, mut non_user_defined) = (false, false);
    if a.network.is_empty() {
        let mut n = NetworkAttachment {
            target: "default".into(),
            ..NetworkAttachment::default()
        };
        apply_container_options(&mut n, a)?;
        endpoints.insert("default".to_string(), endpoint_settings(&n)?);
    }
    for (i, n) in a.network.iter().enumerate() {
        let mut n = n.clone();
        if is_user_defined(&n.target) {
            user_defined = true;
        } else {
            non_user_defined = true;
        }
        if i == 0 {
            apply_container_options(&mut n, a)?;
        }
        let ep = endpoint_settings(&n)?;
        if endpoints.contains_key(&n.target) {
            return Err(format!(
                "network {} is specified multiple times",
                go_quote(&n.target)
            ));
        }
        // One plain network: the daemon creates the endpoint itself.
        if i == 0 && a.network.len() == 1 && ep == EndpointSettings::default() {
            continue;
        }
        endpoints.insert(n.target.clone(), ep);
    }
    if user_defined && non_user_defined {
        return Err("conflicting options: cannot attach both user-defined and non-user-defined network-modes".into());
    }
    Ok(endpoints)
}

fn apply_container_options(n: &mut NetworkAttachment, a: &RunArgs) -> Result<(), String> {
    let ip = a.ip.clone().unwrap_or_default();
    let ip6 = a.ip6.clone().unwrap_or_default();
    let mac = a.mac_address.clone().unwrap_or_default();
    if !n.aliases.is_empty() && !a.network_alias.is_empty() {
        return Err(
            "conflicting options: cannot specify both --network-alias and per-network alias".into(),
        );
    }
    if !n.links.is_empty() && !a.link.is_empty() {
        return Err("conflicting options: cannot specify both --link and per-network links".into());
    }
    if !n.ipv4_address.is_empty() && !ip.is_empty() {
        return Err(
            "conflicting options: cannot specify both --ip and per-network IPv4 address".into(),
        );
    }
    if !n.ipv6_address.is_empty() && !ip6.is_empty() {
        return Err(
            "conflicting options: cannot specify both --ip6 and per-network IPv6 address".into(),
        );
    }
    if !n.mac_address.is_empty() && !mac.is_empty() {
        return Err(
            "conflicting options: cannot specify both --mac-address and per-network MAC address"
                .into(),
        );
    }
    if !n.link_local_ips.is_empty() && !a.link_local_ip.is_empty() {
        return Err("conflicting options: cannot specify both --link-local-ip and per-network link-local IP addresses".into());
    }
    if !a.network_alias.is_empty() {
        n.aliases = a.network_alias.clone();
    }
    if is_user_defined(&n.target) && !a.link.is_empty() {
        n.links = a.link.clone();
    }
    if !ip.is_empty() {
        n.ipv4_address = ip;
    }
    if !ip6.is_empty() {
        n.ipv6_address = ip6;
    }
    if !mac.is_empty() {
        n.mac_address = mac;
    }
    if !a.link_local_ip.is_empty() {
        n.link_local_ips = a.link_local_ip.clone();
    }
    Ok(())
}

/// `parseNetworkAttachmentOpt`.
fn endpoint_settings(n: &NetworkAttachment) -> Result<EndpointSettings, String> {
    if n.target.trim().is_empty() {
        return Err("no name set for network".into());
    }
    if !is_user_defined(&n.target) {
        if !n.aliases.is_empty() {
            return Err(
                "network-scoped aliases are only supported for user-defined networks".into(),
            );
        }
        if !n.links.is_empty() {
            return Err("links are only supported for user-defined networks".into());
        }
    }
    let mut ep = EndpointSettings {
        gw_priority: n.gw_priority,
        aliases: (!n.aliases.is_empty()).then(|| n.aliases.clone()),
        driver_opts: n.driver_opts.clone().filter(|m| !m.is_empty()),
        links: (!n.links.is_empty()).then(|| n.links.clone()),
        ..EndpointSettings::default()
    };
    if !n.ipv4_address.is_empty() || !n.ipv6_address.is_empty() || !n.link_local_ips.is_empty() {
        ep.ipam_config = Some(EndpointIpamConfig {
            ipv4_address: n.ipv4_address.clone(),
            ipv6_address: n.ipv6_address.clone(),
            link_local_ips: (!n.link_local_ips.is_empty()).then(|| n.link_local_ips.clone()),
        });
    }
    if !n.mac_address.is_empty() {
        if !valid_mac(&n.mac_address) {
            return Err(format!("{} is not a valid mac address", n.mac_address));
        }
        ep.mac_address = n.mac_address.clone();
    }
    Ok(ep)
}

/// Version-dependent adjustments docker's client makes in `ContainerCreate`.
pub fn adjust_for_api(
    body: &mut CreateBody,
    api: &str,
    platform_os: Option<&str>,
) -> Result<(), String> {
    use crate::engine::version_lt;
    let too_old = |min: &str, what: &str| {
        format!(
            "{} requires API version {min}, but the Docker daemon API version is {api}",
            go_quote(what)
        )
    };
    if body.config.stop_timeout.is_some() && version_lt(api, "1.25") {
        return Err(too_old("1.25", "stop timeout"));
    }
    if platform_os.is_some() && version_lt(api, "1.41") {
        return Err(too_old("1.41", "specify container image platform"));
    }
    if body
        .config
        .healthcheck
        .as_ref()
        .is_some_and(|h| h.start_interval != 0)
        && version_lt(api, "1.44")
    {
        return Err(too_old("1.44", "specify health-check start interval"));
    }
    if body
        .networking_config
        .endpoints_config
        .values()
        .any(|e| !e.mac_address.is_empty())
        && version_lt(api, "1.44")
    {
        return Err(too_old("1.44", "specify mac-address per network"));
    }
    let h = &mut body.host_config;
    if version_lt(api, "1.25") {
        h.auto_remove = false;
    }
    if !version_lt(api, "1.42") || version_lt(api, "1.40") {
        h.kernel_memory = 0;
    }
    if platform_os == Some("linux") && version_lt(api, "1.42") {
        h.console_size = [0, 0];
    }
    if let Some(m) = h.mounts.as_ref() {
        if version_lt(api, "1.44") {
            for m in m {
                if let Some(b) = &m.bind_options {
                    if b.read_only_force_recursive {
                        return Err("bind-recursive=readonly requires API v1.44 or later".into());
                    }
                    if b.non_recursive && version_lt(api, "1.40") {
                        return Err("bind-recursive=disabled requires API v1.40 or later".into());
                    }
                }
            }
        }
    }
    if !version_lt(api, "1.44") {
        body.config.mac_address.clear();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser, Debug)]
    #[command(disable_help_flag = true)]
    struct T {
        #[command(flatten)]
        a: RunArgs,
    }

    fn args(v: &[&str]) -> RunArgs {
        let mut all = vec!["run"];
        all.extend_from_slice(v);
        T::try_parse_from(all).unwrap().a
    }

    fn no_env(_: &str) -> Option<String> {
        None
    }

    fn body(v: &[&str]) -> Result<CreateBody, String> {
        let env = ParseEnv {
            proxies: &[],
            lookup_env: &no_env,
        };
        parse(&args(v), &env).map(|p| p.body)
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
        assert!(T::try_parse_from(&all).is_err());
        all = vec!["run", "-Z", "img"];
        assert!(T::try_parse_from(&all).is_err());
    }

    #[test]
    fn ram_in_bytes_like_go_units() {
        assert_eq!(ram_in_bytes("64m"), Ok(67_108_864));
        assert_eq!(ram_in_bytes("1.5g"), Ok(1_610_612_736));
        assert_eq!(ram_in_bytes("32"), Ok(32));
        assert_eq!(ram_in_bytes("32 kb"), Ok(32_768));
        assert_eq!(ram_in_bytes("10KiB"), Ok(10_240));
        assert_eq!(ram_in_bytes("1b"), Ok(1));
        assert_eq!(ram_in_bytes("12x"), Err("invalid suffix: 'x'".into()));
        assert_eq!(ram_in_bytes("1BB"), Err("invalid suffix: 'bb'".into()));
        assert_eq!(ram_in_bytes("1mbb"), Err("invalid suffix: 'mbb'".into()));
        assert_eq!(ram_in_bytes("1mx"), Err("invalid suffix: 'mx'".into()));
        assert_eq!(ram_in_bytes("m"), Err("invalid size: 'm'".into()));
        assert_eq!(ram_in_bytes("-1"), Err("invalid size: '-1'".into()));
        assert_eq!(
            ram_in_bytes("1..2m"),
            Err("strconv.ParseFloat: parsing \"1..2\": invalid syntax".into())
        );
        assert_eq!(mem_swap_bytes("-1"), Ok(-1));
    }

    #[test]
    fn cpus_are_exact_nanocpus() {
        assert_eq!(parse_cpus("1.5"), Ok(1_500_000_000));
        assert_eq!(parse_cpus("0.000000001"), Ok(1));
        assert_eq!(parse_cpus("3/2"), Ok(1_500_000_000));
        assert_eq!(parse_cpus("2e-1"), Ok(200_000_000));
        assert_eq!(
            parse_cpus("1.0000000001"),
            Err("value is too precise".into())
        );
        assert_eq!(parse_cpus("1/3"), Err("value is too precise".into()));
        assert_eq!(
            parse_cpus("abc"),
            Err("failed to parse abc as a rational number".into())
        );
    }

    #[test]
    fn go_numbers() {
        assert_eq!(go_uint("1000", 16), Ok(1000));
        assert_eq!(
            go_uint("70000", 16),
            Err("strconv.ParseUint: parsing \"70000\": value out of range".into())
        );
        assert_eq!(go_uint("0x10", 16), Ok(16));
        assert_eq!(
            go_uint("-1", 64),
            Err("strconv.ParseUint: parsing \"-1\": invalid syntax".into())
        );
    }

    #[test]
    fn env_and_labels() {
        assert_eq!(validate_env("A=1"), Ok("A=1".into()));
        assert_eq!(
            validate_env("=x"),
            Err("invalid environment variable: =x".into())
        );
        assert_eq!(
            validate_env("DKR_SURELY_UNSET_VAR"),
            Ok("DKR_SURELY_UNSET_VAR".into())
        );
        assert_eq!(validate_label("a=b"), Ok("a=b".into()));
        assert_eq!(
            validate_label("=b"),
            Err("invalid label '=b': empty name".into())
        );
        assert_eq!(
            validate_label("a b=c"),
            Err("label 'a b' contains whitespaces".into())
        );
        let merged = merge_env_with_proxies(
            &["A=1".into(), "B".into(), "A=5".into()],
            &[("HTTP_PROXY".into(), "http://p".into())],
        );
        assert_eq!(
            merged,
            ["A=5", "B", "HTTP_PROXY=http://p", "http_proxy=http://p"]
        );
    }

    #[test]
    fn env_file_rules() {
        let lookup = |k: &str| (k == "HOSTVAR").then(|| "fromhost".to_string());
        let file =
            b"\xef\xbb\xbf# comment\n\n  FOO=bar baz  \r\nHOSTVAR\nMISSING\nQ=\"quoted\"\n\tT=1";
        assert_eq!(
            parse_kv_bytes(file, Some(&lookup)).unwrap(),
            ["FOO=bar baz  ", "HOSTVAR=fromhost", "Q=\"quoted\"", "T=1"]
        );
        assert_eq!(parse_kv_bytes(b"HOSTVAR\nX=1", None).unwrap(), ["X=1"]);
        assert_eq!(
            parse_kv_bytes(b"=x", None).unwrap_err(),
            "no variable name on line '=x'"
        );
        assert_eq!(
            parse_kv_bytes(b"A B=x", None).unwrap_err(),
            "variable 'A B' contains whitespaces"
        );
        assert_eq!(
            parse_kv_bytes(b"ok=1\nA=\xff", None).unwrap_err(),
            "invalid utf8 bytes at line 2: [65 61 255]"
        );
        // The BOM is only stripped on line 1.
        assert_eq!(
            parse_kv_bytes(b"A=1\n\xef\xbb\xbfB=2", None).unwrap(),
            ["A=1", "\u{feff}B=2"]
        );
        let missing = parse_kv_file("/nonexistent/env", None).unwrap_err();
        assert_eq!(missing, "open /nonexistent/env: no such file or directory");
    }

    fn ports(specs: &[&str]) -> Result<Ports, String> {
        let specs: Vec<String> = specs.iter().map(|s| s.to_string()).collect();
        parse_ports(&specs, &[])
    }

    fn pb(ip: &str, port: &str) -> PortBinding {
        PortBinding {
            host_ip: ip.into(),
            host_port: port.into(),
        }
    }

    #[test]
    fn port_specs_like_nat() {
        let (_, b) = ports(&["8080:80"]).unwrap();
        assert_eq!(b["80/tcp"], [pb("", "8080")]);
        let (_, b) = ports(&["127.0.0.1::80/udp"]).unwrap();
        assert_eq!(b["80/udp"], [pb("127.0.0.1", "")]);
        let (_, b) = ports(&["[::1]:8081:81"]).unwrap();
        assert_eq!(b["81/tcp"], [pb("::1", "8081")]);
        let (e, b) = ports(&["9000-9001:90"]).unwrap();
        assert_eq!(b["90/tcp"], [pb("", "9000-9001")]);
        assert_eq!(e.len(), 1);
        let (_, b) = ports(&["17100-17102:7100-7102"]).unwrap();
        assert_eq!(b["7101/tcp"], [pb("", "17101")]);
        let (_, b) = ports(&["published=8443,target=443,protocol=udp"]).unwrap();
        assert_eq!(b["443/udp"], [pb("", "8443")]);
        let (e, b) = ports(&["80"]).unwrap();
        assert!(e.contains_key("80/tcp"));
        assert_eq!(b["80/tcp"], [pb("", "")]);
        let (_, b) = ports(&["1.2.3.4:80:80", "80:80"]).unwrap();
        assert_eq!(b["80/tcp"], [pb("1.2.3.4", "80"), pb("", "80")]);
        assert_eq!(
            ports(&["80-81:90-92"]).unwrap_err(),
            "invalid ranges specified for container and host Ports: 90-92 and 80-81"
        );
        assert_eq!(ports(&["80/sctpx"]).unwrap_err(), "invalid proto: sctpx");
        assert_eq!(ports(&["1:2:3:80"]).unwrap_err(), "invalid IP address: 1:2");
        assert_eq!(ports(&["x:80"]).unwrap_err(), "invalid hostPort: x");
        assert_eq!(ports(&["80x"]).unwrap_err(), "invalid containerPort: 80x");
        assert_eq!(ports(&[":"]).unwrap_err(), "no port specified: :<empty>");
        assert_eq!(ports(&["a,b"]).unwrap_err(), "invalid containerPort: a,b");
        assert_eq!(
            ports(&["published=1,x"]).unwrap_err(),
            "invalid publish opts format (should be name=value but got 'x')"
        );
        let (e, _) = parse_ports(&[], &["6000-6001".into(), "53/udp".into()]).unwrap();
        assert_eq!(
            e.keys().collect::<Vec<_>>(),
            ["53/udp", "6000/tcp", "6001/tcp"]
        );
        assert_eq!(
            parse_ports(&[], &["1:2".into()]).unwrap_err(),
            "invalid port format for --expose: 1:2"
        );
        assert_eq!(
            parse_ports(&[], &["x".into()]).unwrap_err(),
            "invalid range format for --expose: x, error: strconv.ParseUint: parsing \"x\": invalid syntax"
        );
    }

    #[test]
    fn restart_policies() {
        assert_eq!(parse_restart_policy("no").unwrap().name, "no");
        let p = parse_restart_policy("on-failure:3").unwrap();
        assert_eq!((p.name.as_str(), p.maximum_retry_count), ("on-failure", 3));
        assert_eq!(
            parse_restart_policy(":3").unwrap_err(),
            "invalid restart policy format: no policy provided before colon"
        );
        assert_eq!(
            parse_restart_policy("on-failure:x").unwrap_err(),
            "invalid restart policy format: maximum retry count must be an integer"
        );
        assert_eq!(parse_restart_policy("bogus").unwrap().name, "bogus");
    }

    #[test]
    fn volumes_like_docker() {
        let cwd = std::env::current_dir().unwrap();
        let (binds, vols) = parse_volumes(&[
            "/src:/dst:ro".into(),
            "named:/data".into(),
            "/anon".into(),
            "./rel:/rel".into(),
            "/src:/dst:ro".into(),
        ])
        .unwrap();
        assert_eq!(
            binds,
            [
                "/src:/dst:ro".to_string(),
                "named:/data".to_string(),
                format!("{}/rel:/rel", cwd.display())
            ]
        );
        assert_eq!(vols.keys().collect::<Vec<_>>(), ["/anon"]);
        assert_eq!(
            parse_volumes(&["/a::/b".into()]).unwrap_err(),
            "invalid spec: /a::/b: empty section between colons"
        );
        assert_eq!(
            parse_volumes(&["/a:/b:ro:x".into()]).unwrap_err(),
            "invalid spec: /a:/b:ro:x: too many colons"
        );
    }

    #[test]
    fn validators() {
        assert_eq!(validate_extra_host("h:1.2.3.4"), Ok("h:1.2.3.4".into()));
        assert_eq!(validate_extra_host("h=[::1]"), Ok("h:::1".into()));
        assert_eq!(
            validate_extra_host("h:host-gateway"),
            Ok("h:host-gateway".into())
        );
        assert_eq!(
            validate_extra_host("foo"),
            Err("bad format for add-host: \"foo\"".into())
        );
        assert_eq!(
            validate_extra_host("h:x"),
            Err("invalid IP address in add-host: \"x\"".into())
        );
        assert_eq!(validate_ip_address(" 8.8.8.8 "), Ok("8.8.8.8".into()));
        assert_eq!(validate_ip_address("0:0:0:0:0:0:0:1"), Ok("::1".into()));
        assert!(validate_ip_address("foo").is_err());
        assert_eq!(
            validate_dns_search("example.com."),
            Ok("example.com".into())
        );
        assert_eq!(
            validate_dns_search("-bad"),
            Err("-bad is not a valid domain".into())
        );
        assert_eq!(validate_attach("STDIN"), Ok("stdin".into()));
        assert!(validate_device_cgroup_rule("c 1:3 mr").is_ok());
        assert!(validate_device_cgroup_rule("a *:* rwm").is_ok());
        assert!(validate_device_cgroup_rule("x 1:3 r").is_err());
        assert_eq!(
            validate_sysctl("net.ipv4.ip_forward=1"),
            Ok("net.ipv4.ip_forward=1".into())
        );
        assert!(validate_sysctl("kernel.x=1").is_err());
        assert_eq!(
            validate_link("a:b:c"),
            Err("bad format for links: a:b:c".into())
        );
        let u = parse_ulimit("nofile=10:20").unwrap();
        assert_eq!((u.soft, u.hard), (10, 20));
        assert_eq!(
            parse_ulimit("nofile=20:10").unwrap_err(),
            "ulimit soft limit must be less than or equal to hard limit: 20 > 10"
        );
        assert_eq!(
            parse_ulimit("nofile=x").unwrap_err(),
            "strconv.ParseInt: parsing \"x\": invalid syntax"
        );
        assert_eq!(parse_throttle_bps("/dev/sda:1mb").unwrap().rate, 1_048_576);
        assert_eq!(
            parse_weight_device("/dev/sda:5").unwrap_err(),
            "invalid weight for device: /dev/sda:5"
        );
        let d = parse_device("/dev/null:/dev/mynull:r").unwrap();
        assert_eq!(
            (
                d.path_on_host.as_str(),
                d.path_in_container.as_str(),
                d.cgroup_permissions.as_str()
            ),
            ("/dev/null", "/dev/mynull", "r")
        );
        let d = parse_device("/dev/null").unwrap();
        assert_eq!(d.path_in_container, "/dev/null");
        assert_eq!(
            parse_device("/dev/null:rel").unwrap_err(),
            "rel is not an absolute path"
        );
        assert!(is_cdi_name("nvidia.com/gpu=all"));
        assert!(!is_cdi_name("/dev/sda"));
        assert!(valid_mac("92:d0:c6:0a:29:33"));
        assert!(!valid_mac("92:d0:c6"));
    }

    #[test]
    fn mounts_and_networks() {
        let m = parse_mount("type=bind,src=/a,dst=/b,readonly").unwrap();
        assert_eq!(
            (
                m.kind.as_str(),
                m.source.as_str(),
                m.target.as_str(),
                m.read_only
            ),
            ("bind", "/a", "/b", true)
        );
        assert_eq!(parse_mount("type=bind").unwrap_err(), "target is required");
        assert_eq!(
            parse_mount("type=tmpfs,dst=/x,volume-nocopy").unwrap_err(),
            "cannot mix 'volume-*' options with mount type 'tmpfs'"
        );
        let m = parse_mount("type=tmpfs,dst=/x,tmpfs-size=1m,tmpfs-mode=1770").unwrap();
        assert_eq!(
            m.tmpfs_options.unwrap(),
            TmpfsOptions {
                size_bytes: 1_048_576,
                mode: 0o1770
            }
        );
        let n = parse_network("name=net1,alias=a,alias=b,ip=10.0.0.2").unwrap();
        assert_eq!(
            (n.target.as_str(), n.aliases.len(), n.ipv4_address.as_str()),
            ("net1", 2, "10.0.0.2")
        );
        assert_eq!(parse_network("bridge").unwrap().target, "bridge");
        assert_eq!(parse_network("name=").unwrap().target, "name=");
        assert_eq!(
            parse_network("alias=x").unwrap_err(),
            "network name/id is not specified"
        );
        let g = parse_gpus("all").unwrap();
        assert_eq!(
            (g.count, g.capabilities.unwrap()),
            (-1, vec![vec!["gpu".to_string()]])
        );
        assert_eq!(
            parse_gpus("count=x").unwrap_err(),
            "invalid count (x): value must be either \"all\" or an integer: invalid syntax"
        );
    }

    #[test]
    fn platforms() {
        assert_eq!(parse_platform("linux/amd64").unwrap().1, "linux/amd64");
        assert_eq!(parse_platform("linux/aarch64").unwrap().1, "linux/arm64");
        assert_eq!(parse_platform("linux/arm/7").unwrap().1, "linux/arm/v7");
        assert_eq!(
            parse_platform("linux/arm64/v8").unwrap().1,
            "linux/arm64/v8"
        );
        assert_eq!(parse_platform("arm64").unwrap().1, "linux/arm64");
        assert!(parse_platform("bogus").is_err());
        assert!(parse_platform("linux/a.b").is_err());
    }

    #[test]
    fn default_body_matches_docker() {
        let b = body(&["busybox"]).unwrap();
        let json = serde_json::to_string(&b).unwrap();
        // Captured from docker 28.2.2 (`docker run busybox`), ConsoleSize aside.
        let want = r#"{"Hostname":"","Domainname":"","User":"","AttachStdin":false,"AttachStdout":true,"AttachStderr":true,"Tty":false,"OpenStdin":false,"StdinOnce":false,"Env":null,"Cmd":null,"Image":"busybox","Volumes":{},"WorkingDir":"","Entrypoint":null,"OnBuild":null,"Labels":{},"HostConfig":{"Binds":null,"ContainerIDFile":"","LogConfig":{"Type":"","Config":{}},"NetworkMode":"default","PortBindings":{},"RestartPolicy":{"Name":"no","MaximumRetryCount":0},"AutoRemove":false,"VolumeDriver":"","VolumesFrom":null,"ConsoleSize":[0,0],"CapAdd":null,"CapDrop":null,"CgroupnsMode":"","Dns":[],"DnsOptions":[],"DnsSearch":[],"ExtraHosts":null,"GroupAdd":null,"IpcMode":"","Cgroup":"","Links":null,"OomScoreAdj":0,"PidMode":"","Privileged":false,"PublishAllPorts":false,"ReadonlyRootfs":false,"SecurityOpt":null,"UTSMode":"","UsernsMode":"","ShmSize":0,"Isolation":"","CpuShares":0,"Memory":0,"NanoCpus":0,"CgroupParent":"","BlkioWeight":0,"BlkioWeightDevice":[],"BlkioDeviceReadBps":[],"BlkioDeviceWriteBps":[],"BlkioDeviceReadIOps":[],"BlkioDeviceWriteIOps":[],"CpuPeriod":0,"CpuQuota":0,"CpuRealtimePeriod":0,"CpuRealtimeRuntime":0,"CpusetCpus":"","CpusetMems":"","Devices":[],"DeviceCgroupRules":null,"DeviceRequests":null,"MemoryReservation":0,"MemorySwap":0,"MemorySwappiness":-1,"OomKillDisable":false,"PidsLimit":0,"Ulimits":[],"CpuCount":0,"CpuPercent":0,"IOMaximumIOps":0,"IOMaximumBandwidth":0,"MaskedPaths":null,"ReadonlyPaths":null},"NetworkingConfig":{"EndpointsConfig":{"default":{"IPAMConfig":null,"Links":null,"Aliases":null,"MacAddress":"","DriverOpts":null,"GwPriority":0,"NetworkID":"","EndpointID":"","Gateway":"","IPAddress":"","IPPrefixLen":0,"IPv6Gateway":"","GlobalIPv6Address":"","GlobalIPv6PrefixLen":0,"DNSNames":null}}}}"#;
        assert_eq!(json, want);
    }

    #[test]
    fn parse_errors() {
        assert_eq!(
            body(&["--rm", "--restart", "always", "img"]).unwrap_err(),
            "conflicting options: cannot specify both --restart and --rm"
        );
        assert!(body(&["--rm", "--restart", "no", "img"]).is_ok());
        assert_eq!(
            body(&["--pid", "bogus", "img"]).unwrap_err(),
            "--pid: invalid PID mode"
        );
        assert_eq!(
            body(&["--memory-swappiness", "101", "img"]).unwrap_err(),
            "invalid value: 101. Valid memory swappiness range is 0-100"
        );
        assert_eq!(
            body(&["--no-healthcheck", "--health-cmd", "x", "img"]).unwrap_err(),
            "--no-healthcheck conflicts with --health-* options"
        );
        assert_eq!(
            body(&["--security-opt", "foo", "img"]).unwrap_err(),
            "Invalid --security-opt: \"foo\""
        );
        assert_eq!(
            body(&["--network-alias", "x", "img"]).unwrap_err(),
            "network-scoped aliases are only supported for user-defined networks"
        );
    }

    #[test]
    fn flag_mapping() {
        let b = body(&[
            "--entrypoint",
            "",
            "-e",
            "A=1",
            "-l",
            "z",
            "-p",
            "8080:80",
            "--init",
            "-m",
            "64m",
            "--memory-swap",
            "-1",
            "--cpus",
            "1.5",
            "--stop-timeout",
            "5",
            "--tmpfs",
            "/run:size=1m",
            "-i",
            "--cap-add",
            "net_admin",
            "--cap-add",
            "CAP_NET_ADMIN",
            "--network",
            "host",
            "img",
        ])
        .unwrap();
        let c = &b.config;
        assert_eq!(c.entrypoint, Some(vec![String::new()]));
        assert_eq!(c.env, Some(vec!["A=1".to_string()]));
        assert_eq!(c.labels.as_ref().unwrap()["z"], "");
        assert!(c.attach_stdin && c.open_stdin && c.stdin_once);
        assert_eq!(c.stop_timeout, Some(5));
        let h = &b.host_config;
        assert_eq!(h.init, Some(true));
        assert_eq!(
            (h.memory, h.memory_swap, h.nano_cpus),
            (67_108_864, -1, 1_500_000_000)
        );
        assert_eq!(h.tmpfs.as_ref().unwrap()["/run"], "size=1m");
        assert_eq!(h.cap_add, Some(vec!["CAP_NET_ADMIN".to_string()]));
        assert_eq!(h.network_mode, "host");
        assert!(b.networking_config.endpoints_config.is_empty());
        let b = body(&["--init=false", "-a", "stdout", "img"]).unwrap();
        assert_eq!(b.host_config.init, Some(false));
        assert!(b.config.attach_stdout && !b.config.attach_stderr);
    }
}

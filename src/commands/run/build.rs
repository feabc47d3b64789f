//! The create request built from `run`'s flags (docker/cli `container/opts.go` `parse` and
//! its helpers, and the version adjustments of the client's `ContainerCreate`).

use std::collections::BTreeMap;

use super::body::*;
use super::opts::ContainerOptions;
use crate::cli::flag_support::requires_api;
use crate::golang::strconv::go_quote;
use crate::opts::device::{is_cdi_name, parse_device};
use crate::opts::kvfile::{parse_kv_file, Lookup};
use crate::opts::network::NetworkAttachment;
use crate::opts::port::parse_ports;
use crate::opts::restart::parse_restart_policy;
use crate::opts::security::parse_security_opts;
use crate::opts::validate::{kv_map, valid_mac};
use crate::opts::volume::parse_volumes;

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

/// Everything `parse` needs from outside the flags.
pub struct ParseEnv<'a> {
    /// `HTTP_PROXY`-style variables from config.json's `proxies` for this daemon.
    pub proxies: &'a [(String, String)],
    /// Host environment lookup for bare `KEY`s in env files.
    pub lookup_env: Lookup<'a>,
    /// The daemon's OS from its ping: docker validates `--device` paths only for `linux`
    /// (and `windows`), and refuses any other, including none (Podman 4 sends no `OSType`).
    pub server_os: &'a str,
}

/// The result of [`parse`].
#[derive(Debug)]
pub struct Parsed {
    pub body: CreateBody,
}

/// docker's `parse()`: build the create request from the flags. Errors are the bare messages
/// docker wraps as `docker: <msg>` (exit 125); the checks run in docker's order, so the first
/// of several bad flags is the one reported.
pub fn parse(a: &ContainerOptions, env: &ParseEnv) -> Result<Parsed, String> {
    if let Some(mac) = a.mac_address.as_deref().filter(|m| !m.is_empty()) {
        if !valid_mac(mac) {
            return Err(format!("{mac} is not a valid mac address"));
        }
    }
    let swappiness = memory_swappiness(a)?;
    let (binds, volumes) = parse_volumes(&a.volume)?;
    let (exposed, port_bindings) = parse_ports(&a.publish, &a.expose)?;
    let (devices, cdi_devices) = parse_devices(&a.device, env.server_os)?;
    let env_vars = env_vars(a, env)?;
    let labels = labels(a)?;
    let namespaces = Namespaces::parse(a)?;
    let restart = parse_restart_policy(&a.restart)?;
    let log_config = log_config(a)?;
    let security = Security::parse(&a.security_opt)?;
    let storage = storage_opts(&a.storage_opt)?;
    let healthcheck = health_config(a)?;

    let mut config = container_config(a, env_vars, labels, healthcheck, exposed, volumes);
    let host = host_config(
        a,
        HostParts {
            binds,
            port_bindings,
            restart: restart.clone(),
            log_config,
            namespaces,
            security,
            storage,
            swappiness,
            devices,
            cdi_devices,
        },
    );

    if a.rm && !(restart.name.is_empty() || restart.name == "no") {
        return Err("conflicting options: cannot specify both --restart and --rm".into());
    }

    let endpoints = parse_network_opts(a)?;
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

/// `--memory-swappiness`: `-1` (the default) or 0 to 100.
fn memory_swappiness(a: &ContainerOptions) -> Result<i64, String> {
    let swappiness = a.memory_swappiness.unwrap_or(-1);
    if swappiness != -1 && !(0..=100).contains(&swappiness) {
        return Err(format!(
            "invalid value: {swappiness}. Valid memory swappiness range is 0-100"
        ));
    }
    Ok(swappiness)
}

/// `--device` values: CDI names (sent as a device request) apart from device paths.
fn parse_devices(
    values: &[String],
    server_os: &str,
) -> Result<(Vec<DeviceMapping>, Vec<String>), String> {
    let mut devices = Vec::new();
    let mut cdi_devices = Vec::new();
    for d in values {
        if is_cdi_name(d) {
            cdi_devices.push(d.clone());
            continue;
        }
        if !matches!(server_os, "linux" | "windows") {
            return Err(format!("unknown server OS: {server_os}"));
        }
        devices.push(parse_device(d)?);
    }
    Ok((devices, cdi_devices))
}

/// `--env-file` contents, then the `-e` values.
fn env_vars(a: &ContainerOptions, env: &ParseEnv) -> Result<Vec<String>, String> {
    // `-e` values go through docker's proxy-config map (deduplicated, last wins), after the
    // env files. docker's map order is random; dkr keeps first-appearance order.
    let mut env_vars: Vec<String> = Vec::new();
    for f in &a.env_file {
        env_vars.extend(parse_kv_file(f, Some(env.lookup_env))?);
    }
    env_vars.extend(merge_env_with_proxies(&a.env, env.proxies));
    Ok(env_vars)
}

/// `--label-file` contents, then the `-l` values.
fn labels(a: &ContainerOptions) -> Result<Vec<String>, String> {
    let mut labels: Vec<String> = Vec::new();
    for f in &a.label_file {
        labels.extend(parse_kv_file(f, None)?);
    }
    labels.extend(a.label.iter().cloned());
    Ok(labels)
}

/// The namespace modes (`--pid`, `--uts`, `--userns`, `--cgroupns`), checked in docker's order.
struct Namespaces {
    pid: String,
    uts: String,
    userns: String,
    cgroupns: String,
}

impl Namespaces {
    fn parse(a: &ContainerOptions) -> Result<Namespaces, String> {
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
        Ok(Namespaces {
            pid,
            uts,
            userns,
            cgroupns,
        })
    }
}

/// `--log-driver` and `--log-opt`.
fn log_config(a: &ContainerOptions) -> Result<LogConfig, String> {
    let log_driver = a.log_driver.clone().unwrap_or_default();
    if log_driver == "none" && !a.log_opt.is_empty() {
        return Err(format!("invalid logging opts for driver {log_driver}"));
    }
    Ok(LogConfig {
        kind: log_driver,
        config: Some(kv_map(&a.log_opt)),
    })
}

/// `--security-opt` values; `systempaths=unconfined` becomes empty masked and read-only path
/// lists instead of an option.
struct Security {
    opts: Vec<String>,
    masked_paths: Option<Vec<String>>,
    readonly_paths: Option<Vec<String>>,
}

impl Security {
    fn parse(values: &[String]) -> Result<Security, String> {
        let security = parse_security_opts(values)?;
        let unconfined = security.iter().any(|o| o == "systempaths=unconfined");
        let opts: Vec<String> = security
            .into_iter()
            .filter(|o| o != "systempaths=unconfined")
            .collect();
        let (masked_paths, readonly_paths) = if unconfined {
            (Some(vec![]), Some(vec![]))
        } else {
            (None, None)
        };
        Ok(Security {
            opts,
            masked_paths,
            readonly_paths,
        })
    }
}

/// `--storage-opt key=value` values.
fn storage_opts(values: &[String]) -> Result<BTreeMap<String, String>, String> {
    let mut storage = BTreeMap::new();
    for o in values {
        let (k, v) = o.split_once('=').ok_or("invalid storage option")?;
        storage.insert(k.to_string(), v.to_string());
    }
    Ok(storage)
}

/// `Config`: the container's own settings.
fn container_config(
    a: &ContainerOptions,
    env_vars: Vec<String>,
    labels: Vec<String>,
    healthcheck: Option<HealthConfig>,
    exposed: BTreeMap<String, Empty>,
    volumes: BTreeMap<String, Empty>,
) -> Config {
    let image = a.args.first().cloned().unwrap_or_default();
    let cmd: Option<Vec<String>> = (a.args.len() > 1).then(|| a.args[1..].to_vec());

    let mut attach_stdin = a.attach.iter().any(|s| s == "stdin");
    let mut attach_stdout = a.attach.iter().any(|s| s == "stdout");
    let mut attach_stderr = a.attach.iter().any(|s| s == "stderr");
    if a.interactive {
        attach_stdin = true;
    }
    if a.attach.is_empty() {
        attach_stdout = true;
        attach_stderr = true;
    }

    let entrypoint = match a.entrypoint.as_deref() {
        Some("") => Some(vec![String::new()]),
        Some(e) => Some(vec![e.to_string()]),
        None => None,
    };

    Config {
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
    }
}

/// What [`host_config`] takes from the checks `parse` has already made.
struct HostParts {
    binds: Vec<String>,
    port_bindings: BTreeMap<String, Vec<PortBinding>>,
    restart: RestartPolicy,
    log_config: LogConfig,
    namespaces: Namespaces,
    security: Security,
    storage: BTreeMap<String, String>,
    swappiness: i64,
    devices: Vec<DeviceMapping>,
    cdi_devices: Vec<String>,
}

/// `--tmpfs path[:options]` values → path: options.
fn tmpfs(values: &[String]) -> BTreeMap<String, String> {
    values
        .iter()
        .map(|t| {
            let (k, v) = t.split_once(':').unwrap_or((t, ""));
            (k.to_string(), v.to_string())
        })
        .collect()
}

/// `--gpus` requests, then one `cdi` request for the CDI names given to `--device`.
fn device_requests(gpus: &[DeviceRequest], cdi_devices: Vec<String>) -> Vec<DeviceRequest> {
    let mut device_requests: Vec<DeviceRequest> = gpus.to_vec();
    if !cdi_devices.is_empty() {
        device_requests.push(DeviceRequest {
            driver: "cdi".into(),
            device_ids: Some(cdi_devices),
            ..DeviceRequest::default()
        });
    }
    device_requests
}

/// `--ulimit` values: one per name (last wins), sorted by name.
fn ulimits(values: &[Ulimit]) -> Vec<Ulimit> {
    let mut ulimits: BTreeMap<String, Ulimit> = BTreeMap::new();
    for u in values {
        ulimits.insert(u.name.clone(), u.clone());
    }
    ulimits.into_values().collect()
}

/// `HostConfig`: how the daemon runs the container.
fn host_config(a: &ContainerOptions, p: HostParts) -> HostConfig {
    let device_requests = device_requests(&a.gpus, p.cdi_devices);
    let network_mode = a
        .network
        .first()
        .map_or("default".to_string(), |n| n.target.clone());

    let some_vec = |v: &Vec<String>| (!v.is_empty()).then(|| v.clone());
    let Namespaces {
        pid,
        uts,
        userns,
        cgroupns,
    } = p.namespaces;
    let security = p.security.opts;
    HostConfig {
        binds: (!p.binds.is_empty()).then_some(p.binds),
        container_id_file: a.cidfile.clone().unwrap_or_default(),
        log_config: p.log_config,
        network_mode,
        port_bindings: Some(p.port_bindings),
        restart_policy: p.restart,
        auto_remove: a.rm,
        volume_driver: a.volume_driver.clone().unwrap_or_default(),
        volumes_from: some_vec(&a.volumes_from),
        console_size: [0, 0],
        annotations: Some(kv_map(&a.annotation)),
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
        storage_opt: Some(p.storage),
        tmpfs: Some(tmpfs(&a.tmpfs)),
        uts_mode: uts,
        userns_mode: userns,
        shm_size: a.shm_size.unwrap_or(0),
        sysctls: Some(kv_map(&a.sysctl)),
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
        devices: p.devices,
        device_cgroup_rules: some_vec(&a.device_cgroup_rule),
        device_requests: (!device_requests.is_empty()).then_some(device_requests),
        kernel_memory: a.kernel_memory.unwrap_or(0),
        kernel_memory_tcp: 0,
        memory_reservation: a.memory_reservation.unwrap_or(0),
        memory_swap: a.memory_swap.unwrap_or(0),
        memory_swappiness: p.swappiness,
        oom_kill_disable: a.oom_kill_disable,
        pids_limit: a.pids_limit.unwrap_or(0),
        ulimits: ulimits(&a.ulimit),
        cpu_count: a.cpu_count.unwrap_or(0),
        cpu_percent: a.cpu_percent.unwrap_or(0),
        io_maximum_iops: a.io_maxiops.unwrap_or(0),
        io_maximum_bandwidth: a.io_maxbandwidth.unwrap_or(0) as u64,
        mounts: (!a.mount.is_empty()).then(|| a.mount.clone()),
        masked_paths: p.security.masked_paths,
        readonly_paths: p.security.readonly_paths,
        init: a.init,
    }
}

/// The health-check flags → `Config.Healthcheck`.
fn health_config(a: &ContainerOptions) -> Result<Option<HealthConfig>, String> {
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
fn parse_network_opts(a: &ContainerOptions) -> Result<BTreeMap<String, EndpointSettings>, String> {
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

fn apply_container_options(n: &mut NetworkAttachment, a: &ContainerOptions) -> Result<(), String> {
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
    let too_old = |min: &str, what: &str| requires_api(what, min, api);
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
    use super::super::opts::tests::args;
    use super::*;

    fn no_env(_: &str) -> Option<String> {
        None
    }

    fn body(v: &[&str]) -> Result<CreateBody, String> {
        let env = ParseEnv {
            proxies: &[],
            lookup_env: &no_env,
            server_os: "linux",
        };
        parse(&args(v), &env).map(|p| p.body)
    }
    #[test]
    fn env_merges_proxies() {
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

//! docker 28.2.2's Go types for the inspect answers (`container.InspectResponse`,
//! `image.InspectResponse` and what they hold), as docker/cli v28.2.2 vendors them from moby's
//! `api/types`, go-connections `nat`, go-units and the OCI image specs: docker executes an
//! inspect template on the answer decoded into these types first, so field names, zero values
//! and field order (`{{json .Config}}`) come from here. Generated from those Go sources (field
//! lines, `json` tags, embedded structs) by `scripts/gen_go_types.py`; regenerate rather than
//! edit by hand.

use crate::golang::types::{Field, GoStruct, Ty};

pub static CONTAINER_INSPECTRESPONSE: GoStruct = GoStruct {
    name: "container.InspectResponse",
    fields: &[
        Field::embedded(
            "ContainerJSONBase",
            &Ty::Ptr(&Ty::Struct(&CONTAINER_CONTAINERJSONBASE)),
        ),
        Field::new(
            "Mounts",
            "Mounts",
            &Ty::Slice(&Ty::Struct(&CONTAINER_MOUNTPOINT)),
            false,
        ),
        Field::new(
            "Config",
            "Config",
            &Ty::Ptr(&Ty::Struct(&CONTAINER_CONFIG)),
            false,
        ),
        Field::new(
            "NetworkSettings",
            "NetworkSettings",
            &Ty::Ptr(&Ty::Struct(&CONTAINER_NETWORKSETTINGS)),
            false,
        ),
        Field::new(
            "ImageManifestDescriptor",
            "ImageManifestDescriptor",
            &Ty::Ptr(&Ty::Struct(&OCISPEC_DESCRIPTOR)),
            true,
        ),
    ],
};

pub static CONTAINER_CONFIG: GoStruct = GoStruct {
    name: "container.Config",
    fields: &[
        Field::new("Hostname", "Hostname", &Ty::Str, false),
        Field::new("Domainname", "Domainname", &Ty::Str, false),
        Field::new("User", "User", &Ty::Str, false),
        Field::new("AttachStdin", "AttachStdin", &Ty::Bool, false),
        Field::new("AttachStdout", "AttachStdout", &Ty::Bool, false),
        Field::new("AttachStderr", "AttachStderr", &Ty::Bool, false),
        Field::new("ExposedPorts", "ExposedPorts", &Ty::Map(&Ty::Empty), true),
        Field::new("Tty", "Tty", &Ty::Bool, false),
        Field::new("OpenStdin", "OpenStdin", &Ty::Bool, false),
        Field::new("StdinOnce", "StdinOnce", &Ty::Bool, false),
        Field::new("Env", "Env", &Ty::Slice(&Ty::Str), false),
        Field::new("Cmd", "Cmd", &Ty::Slice(&Ty::Str), false),
        Field::new(
            "Healthcheck",
            "Healthcheck",
            &Ty::Ptr(&Ty::Struct(&DOCKERSPEC_HEALTHCHECKCONFIG)),
            true,
        ),
        Field::new("ArgsEscaped", "ArgsEscaped", &Ty::Bool, true),
        Field::new("Image", "Image", &Ty::Str, false),
        Field::new("Volumes", "Volumes", &Ty::Map(&Ty::Empty), false),
        Field::new("WorkingDir", "WorkingDir", &Ty::Str, false),
        Field::new("Entrypoint", "Entrypoint", &Ty::Slice(&Ty::Str), false),
        Field::new("NetworkDisabled", "NetworkDisabled", &Ty::Bool, true),
        Field::new("MacAddress", "MacAddress", &Ty::Str, true),
        Field::new("OnBuild", "OnBuild", &Ty::Slice(&Ty::Str), false),
        Field::new("Labels", "Labels", &Ty::Map(&Ty::Str), false),
        Field::new("StopSignal", "StopSignal", &Ty::Str, true),
        Field::new("StopTimeout", "StopTimeout", &Ty::Ptr(&Ty::Int), true),
        Field::new("Shell", "Shell", &Ty::Slice(&Ty::Str), true),
    ],
};

pub static CONTAINER_CONTAINERJSONBASE: GoStruct = GoStruct {
    name: "container.ContainerJSONBase",
    fields: &[
        Field::new("ID", "Id", &Ty::Str, false),
        Field::new("Created", "Created", &Ty::Str, false),
        Field::new("Path", "Path", &Ty::Str, false),
        Field::new("Args", "Args", &Ty::Slice(&Ty::Str), false),
        Field::new(
            "State",
            "State",
            &Ty::Ptr(&Ty::Struct(&CONTAINER_STATE)),
            false,
        ),
        Field::new("Image", "Image", &Ty::Str, false),
        Field::new("ResolvConfPath", "ResolvConfPath", &Ty::Str, false),
        Field::new("HostnamePath", "HostnamePath", &Ty::Str, false),
        Field::new("HostsPath", "HostsPath", &Ty::Str, false),
        Field::new("LogPath", "LogPath", &Ty::Str, false),
        Field::new("Name", "Name", &Ty::Str, false),
        Field::new("RestartCount", "RestartCount", &Ty::Int, false),
        Field::new("Driver", "Driver", &Ty::Str, false),
        Field::new("Platform", "Platform", &Ty::Str, false),
        Field::new("MountLabel", "MountLabel", &Ty::Str, false),
        Field::new("ProcessLabel", "ProcessLabel", &Ty::Str, false),
        Field::new("AppArmorProfile", "AppArmorProfile", &Ty::Str, false),
        Field::new("ExecIDs", "ExecIDs", &Ty::Slice(&Ty::Str), false),
        Field::new(
            "HostConfig",
            "HostConfig",
            &Ty::Ptr(&Ty::Struct(&CONTAINER_HOSTCONFIG)),
            false,
        ),
        Field::new(
            "GraphDriver",
            "GraphDriver",
            &Ty::Struct(&STORAGE_DRIVERDATA),
            false,
        ),
        Field::new("SizeRw", "SizeRw", &Ty::Ptr(&Ty::Int), true),
        Field::new("SizeRootFs", "SizeRootFs", &Ty::Ptr(&Ty::Int), true),
    ],
};

pub static CONTAINER_HOSTCONFIG: GoStruct = GoStruct {
    name: "container.HostConfig",
    fields: &[
        Field::new("Binds", "Binds", &Ty::Slice(&Ty::Str), false),
        Field::new("ContainerIDFile", "ContainerIDFile", &Ty::Str, false),
        Field::new(
            "LogConfig",
            "LogConfig",
            &Ty::Struct(&CONTAINER_LOGCONFIG),
            false,
        ),
        Field::new("NetworkMode", "NetworkMode", &Ty::Str, false),
        Field::new(
            "PortBindings",
            "PortBindings",
            &Ty::Map(&Ty::Slice(&Ty::Struct(&NAT_PORTBINDING))),
            false,
        ),
        Field::new(
            "RestartPolicy",
            "RestartPolicy",
            &Ty::Struct(&CONTAINER_RESTARTPOLICY),
            false,
        ),
        Field::new("AutoRemove", "AutoRemove", &Ty::Bool, false),
        Field::new("VolumeDriver", "VolumeDriver", &Ty::Str, false),
        Field::new("VolumesFrom", "VolumesFrom", &Ty::Slice(&Ty::Str), false),
        Field::new("ConsoleSize", "ConsoleSize", &Ty::Slice(&Ty::Uint), false),
        Field::new("Annotations", "Annotations", &Ty::Map(&Ty::Str), true),
        Field::new("CapAdd", "CapAdd", &Ty::Slice(&Ty::Str), false),
        Field::new("CapDrop", "CapDrop", &Ty::Slice(&Ty::Str), false),
        Field::new("CgroupnsMode", "CgroupnsMode", &Ty::Str, false),
        Field::new("DNS", "Dns", &Ty::Slice(&Ty::Str), false),
        Field::new("DNSOptions", "DnsOptions", &Ty::Slice(&Ty::Str), false),
        Field::new("DNSSearch", "DnsSearch", &Ty::Slice(&Ty::Str), false),
        Field::new("ExtraHosts", "ExtraHosts", &Ty::Slice(&Ty::Str), false),
        Field::new("GroupAdd", "GroupAdd", &Ty::Slice(&Ty::Str), false),
        Field::new("IpcMode", "IpcMode", &Ty::Str, false),
        Field::new("Cgroup", "Cgroup", &Ty::Str, false),
        Field::new("Links", "Links", &Ty::Slice(&Ty::Str), false),
        Field::new("OomScoreAdj", "OomScoreAdj", &Ty::Int, false),
        Field::new("PidMode", "PidMode", &Ty::Str, false),
        Field::new("Privileged", "Privileged", &Ty::Bool, false),
        Field::new("PublishAllPorts", "PublishAllPorts", &Ty::Bool, false),
        Field::new("ReadonlyRootfs", "ReadonlyRootfs", &Ty::Bool, false),
        Field::new("SecurityOpt", "SecurityOpt", &Ty::Slice(&Ty::Str), false),
        Field::new("StorageOpt", "StorageOpt", &Ty::Map(&Ty::Str), true),
        Field::new("Tmpfs", "Tmpfs", &Ty::Map(&Ty::Str), true),
        Field::new("UTSMode", "UTSMode", &Ty::Str, false),
        Field::new("UsernsMode", "UsernsMode", &Ty::Str, false),
        Field::new("ShmSize", "ShmSize", &Ty::Int, false),
        Field::new("Sysctls", "Sysctls", &Ty::Map(&Ty::Str), true),
        Field::new("Runtime", "Runtime", &Ty::Str, true),
        Field::new("Isolation", "Isolation", &Ty::Str, false),
        Field::embedded("Resources", &Ty::Struct(&CONTAINER_RESOURCES)),
        Field::new(
            "Mounts",
            "Mounts",
            &Ty::Slice(&Ty::Struct(&MOUNT_MOUNT)),
            true,
        ),
        Field::new("MaskedPaths", "MaskedPaths", &Ty::Slice(&Ty::Str), false),
        Field::new(
            "ReadonlyPaths",
            "ReadonlyPaths",
            &Ty::Slice(&Ty::Str),
            false,
        ),
        Field::new("Init", "Init", &Ty::Ptr(&Ty::Bool), true),
    ],
};

pub static CONTAINER_LOGCONFIG: GoStruct = GoStruct {
    name: "container.LogConfig",
    fields: &[
        Field::new("Type", "Type", &Ty::Str, false),
        Field::new("Config", "Config", &Ty::Map(&Ty::Str), false),
    ],
};

pub static CONTAINER_MOUNTPOINT: GoStruct = GoStruct {
    name: "container.MountPoint",
    fields: &[
        Field::new("Type", "Type", &Ty::Str, true),
        Field::new("Name", "Name", &Ty::Str, true),
        Field::new("Source", "Source", &Ty::Str, false),
        Field::new("Destination", "Destination", &Ty::Str, false),
        Field::new("Driver", "Driver", &Ty::Str, true),
        Field::new("Mode", "Mode", &Ty::Str, false),
        Field::new("RW", "RW", &Ty::Bool, false),
        Field::new("Propagation", "Propagation", &Ty::Str, false),
    ],
};

pub static CONTAINER_NETWORKSETTINGS: GoStruct = GoStruct {
    name: "container.NetworkSettings",
    fields: &[
        Field::embedded(
            "NetworkSettingsBase",
            &Ty::Struct(&CONTAINER_NETWORKSETTINGSBASE),
        ),
        Field::embedded(
            "DefaultNetworkSettings",
            &Ty::Struct(&CONTAINER_DEFAULTNETWORKSETTINGS),
        ),
        Field::new(
            "Networks",
            "Networks",
            &Ty::Map(&Ty::Ptr(&Ty::Struct(&NETWORK_ENDPOINTSETTINGS))),
            false,
        ),
    ],
};

pub static CONTAINER_DEFAULTNETWORKSETTINGS: GoStruct = GoStruct {
    name: "container.DefaultNetworkSettings",
    fields: &[
        Field::new("EndpointID", "EndpointID", &Ty::Str, false),
        Field::new("Gateway", "Gateway", &Ty::Str, false),
        Field::new("GlobalIPv6Address", "GlobalIPv6Address", &Ty::Str, false),
        Field::new(
            "GlobalIPv6PrefixLen",
            "GlobalIPv6PrefixLen",
            &Ty::Int,
            false,
        ),
        Field::new("IPAddress", "IPAddress", &Ty::Str, false),
        Field::new("IPPrefixLen", "IPPrefixLen", &Ty::Int, false),
        Field::new("IPv6Gateway", "IPv6Gateway", &Ty::Str, false),
        Field::new("MacAddress", "MacAddress", &Ty::Str, false),
    ],
};

pub static CONTAINER_NETWORKSETTINGSBASE: GoStruct = GoStruct {
    name: "container.NetworkSettingsBase",
    fields: &[
        Field::new("Bridge", "Bridge", &Ty::Str, false),
        Field::new("SandboxID", "SandboxID", &Ty::Str, false),
        Field::new("SandboxKey", "SandboxKey", &Ty::Str, false),
        Field::new(
            "Ports",
            "Ports",
            &Ty::Map(&Ty::Slice(&Ty::Struct(&NAT_PORTBINDING))),
            false,
        ),
        Field::new("HairpinMode", "HairpinMode", &Ty::Bool, false),
        Field::new(
            "LinkLocalIPv6Address",
            "LinkLocalIPv6Address",
            &Ty::Str,
            false,
        ),
        Field::new(
            "LinkLocalIPv6PrefixLen",
            "LinkLocalIPv6PrefixLen",
            &Ty::Int,
            false,
        ),
        Field::new(
            "SecondaryIPAddresses",
            "SecondaryIPAddresses",
            &Ty::Slice(&Ty::Iface),
            false,
        ),
        Field::new(
            "SecondaryIPv6Addresses",
            "SecondaryIPv6Addresses",
            &Ty::Slice(&Ty::Iface),
            false,
        ),
    ],
};

pub static CONTAINER_RESOURCES: GoStruct = GoStruct {
    name: "container.Resources",
    fields: &[
        Field::new("CPUShares", "CpuShares", &Ty::Int, false),
        Field::new("Memory", "Memory", &Ty::Int, false),
        Field::new("NanoCPUs", "NanoCpus", &Ty::Int, false),
        Field::new("CgroupParent", "CgroupParent", &Ty::Str, false),
        Field::new("BlkioWeight", "BlkioWeight", &Ty::Uint, false),
        Field::new(
            "BlkioWeightDevice",
            "BlkioWeightDevice",
            &Ty::Slice(&Ty::Ptr(&Ty::Struct(&BLKIODEV_WEIGHTDEVICE))),
            false,
        ),
        Field::new(
            "BlkioDeviceReadBps",
            "BlkioDeviceReadBps",
            &Ty::Slice(&Ty::Ptr(&Ty::Struct(&BLKIODEV_THROTTLEDEVICE))),
            false,
        ),
        Field::new(
            "BlkioDeviceWriteBps",
            "BlkioDeviceWriteBps",
            &Ty::Slice(&Ty::Ptr(&Ty::Struct(&BLKIODEV_THROTTLEDEVICE))),
            false,
        ),
        Field::new(
            "BlkioDeviceReadIOps",
            "BlkioDeviceReadIOps",
            &Ty::Slice(&Ty::Ptr(&Ty::Struct(&BLKIODEV_THROTTLEDEVICE))),
            false,
        ),
        Field::new(
            "BlkioDeviceWriteIOps",
            "BlkioDeviceWriteIOps",
            &Ty::Slice(&Ty::Ptr(&Ty::Struct(&BLKIODEV_THROTTLEDEVICE))),
            false,
        ),
        Field::new("CPUPeriod", "CpuPeriod", &Ty::Int, false),
        Field::new("CPUQuota", "CpuQuota", &Ty::Int, false),
        Field::new("CPURealtimePeriod", "CpuRealtimePeriod", &Ty::Int, false),
        Field::new("CPURealtimeRuntime", "CpuRealtimeRuntime", &Ty::Int, false),
        Field::new("CpusetCpus", "CpusetCpus", &Ty::Str, false),
        Field::new("CpusetMems", "CpusetMems", &Ty::Str, false),
        Field::new(
            "Devices",
            "Devices",
            &Ty::Slice(&Ty::Struct(&CONTAINER_DEVICEMAPPING)),
            false,
        ),
        Field::new(
            "DeviceCgroupRules",
            "DeviceCgroupRules",
            &Ty::Slice(&Ty::Str),
            false,
        ),
        Field::new(
            "DeviceRequests",
            "DeviceRequests",
            &Ty::Slice(&Ty::Struct(&CONTAINER_DEVICEREQUEST)),
            false,
        ),
        Field::new("KernelMemory", "KernelMemory", &Ty::Int, true),
        Field::new("KernelMemoryTCP", "KernelMemoryTCP", &Ty::Int, true),
        Field::new("MemoryReservation", "MemoryReservation", &Ty::Int, false),
        Field::new("MemorySwap", "MemorySwap", &Ty::Int, false),
        Field::new(
            "MemorySwappiness",
            "MemorySwappiness",
            &Ty::Ptr(&Ty::Int),
            false,
        ),
        Field::new(
            "OomKillDisable",
            "OomKillDisable",
            &Ty::Ptr(&Ty::Bool),
            false,
        ),
        Field::new("PidsLimit", "PidsLimit", &Ty::Ptr(&Ty::Int), false),
        Field::new(
            "Ulimits",
            "Ulimits",
            &Ty::Slice(&Ty::Ptr(&Ty::Struct(&UNITS_ULIMIT))),
            false,
        ),
        Field::new("CPUCount", "CpuCount", &Ty::Int, false),
        Field::new("CPUPercent", "CpuPercent", &Ty::Int, false),
        Field::new("IOMaximumIOps", "IOMaximumIOps", &Ty::Uint, false),
        Field::new("IOMaximumBandwidth", "IOMaximumBandwidth", &Ty::Uint, false),
    ],
};

pub static BLKIODEV_THROTTLEDEVICE: GoStruct = GoStruct {
    name: "blkiodev.ThrottleDevice",
    fields: &[
        Field::new("Path", "Path", &Ty::Str, false),
        Field::new("Rate", "Rate", &Ty::Uint, false),
    ],
};

pub static BLKIODEV_WEIGHTDEVICE: GoStruct = GoStruct {
    name: "blkiodev.WeightDevice",
    fields: &[
        Field::new("Path", "Path", &Ty::Str, false),
        Field::new("Weight", "Weight", &Ty::Uint, false),
    ],
};

pub static CONTAINER_DEVICEMAPPING: GoStruct = GoStruct {
    name: "container.DeviceMapping",
    fields: &[
        Field::new("PathOnHost", "PathOnHost", &Ty::Str, false),
        Field::new("PathInContainer", "PathInContainer", &Ty::Str, false),
        Field::new("CgroupPermissions", "CgroupPermissions", &Ty::Str, false),
    ],
};

pub static CONTAINER_DEVICEREQUEST: GoStruct = GoStruct {
    name: "container.DeviceRequest",
    fields: &[
        Field::new("Driver", "Driver", &Ty::Str, false),
        Field::new("Count", "Count", &Ty::Int, false),
        Field::new("DeviceIDs", "DeviceIDs", &Ty::Slice(&Ty::Str), false),
        Field::new(
            "Capabilities",
            "Capabilities",
            &Ty::Slice(&Ty::Slice(&Ty::Str)),
            false,
        ),
        Field::new("Options", "Options", &Ty::Map(&Ty::Str), false),
    ],
};

pub static CONTAINER_RESTARTPOLICY: GoStruct = GoStruct {
    name: "container.RestartPolicy",
    fields: &[
        Field::new("Name", "Name", &Ty::Str, false),
        Field::new("MaximumRetryCount", "MaximumRetryCount", &Ty::Int, false),
    ],
};

pub static CONTAINER_STATE: GoStruct = GoStruct {
    name: "container.State",
    fields: &[
        Field::new("Status", "Status", &Ty::Str, false),
        Field::new("Running", "Running", &Ty::Bool, false),
        Field::new("Paused", "Paused", &Ty::Bool, false),
        Field::new("Restarting", "Restarting", &Ty::Bool, false),
        Field::new("OOMKilled", "OOMKilled", &Ty::Bool, false),
        Field::new("Dead", "Dead", &Ty::Bool, false),
        Field::new("Pid", "Pid", &Ty::Int, false),
        Field::new("ExitCode", "ExitCode", &Ty::Int, false),
        Field::new("Error", "Error", &Ty::Str, false),
        Field::new("StartedAt", "StartedAt", &Ty::Str, false),
        Field::new("FinishedAt", "FinishedAt", &Ty::Str, false),
        Field::new(
            "Health",
            "Health",
            &Ty::Ptr(&Ty::Struct(&CONTAINER_HEALTH)),
            true,
        ),
    ],
};

pub static CONTAINER_HEALTH: GoStruct = GoStruct {
    name: "container.Health",
    fields: &[
        Field::new("Status", "Status", &Ty::Str, false),
        Field::new("FailingStreak", "FailingStreak", &Ty::Int, false),
        Field::new(
            "Log",
            "Log",
            &Ty::Slice(&Ty::Ptr(&Ty::Struct(&CONTAINER_HEALTHCHECKRESULT))),
            false,
        ),
    ],
};

pub static CONTAINER_HEALTHCHECKRESULT: GoStruct = GoStruct {
    name: "container.HealthcheckResult",
    fields: &[
        Field::new("Start", "Start", &Ty::Time, false),
        Field::new("End", "End", &Ty::Time, false),
        Field::new("ExitCode", "ExitCode", &Ty::Int, false),
        Field::new("Output", "Output", &Ty::Str, false),
    ],
};

pub static DOCKERSPEC_HEALTHCHECKCONFIG: GoStruct = GoStruct {
    name: "dockerspec.HealthcheckConfig",
    fields: &[
        Field::new("Test", "Test", &Ty::Slice(&Ty::Str), true),
        Field::new("Interval", "Interval", &Ty::Duration, true),
        Field::new("Timeout", "Timeout", &Ty::Duration, true),
        Field::new("StartPeriod", "StartPeriod", &Ty::Duration, true),
        Field::new("StartInterval", "StartInterval", &Ty::Duration, true),
        Field::new("Retries", "Retries", &Ty::Int, true),
    ],
};

pub static IMAGE_INSPECTRESPONSE: GoStruct = GoStruct {
    name: "image.InspectResponse",
    fields: &[
        Field::new("ID", "Id", &Ty::Str, false),
        Field::new("RepoTags", "RepoTags", &Ty::Slice(&Ty::Str), false),
        Field::new("RepoDigests", "RepoDigests", &Ty::Slice(&Ty::Str), false),
        Field::new("Parent", "Parent", &Ty::Str, false),
        Field::new("Comment", "Comment", &Ty::Str, false),
        Field::new("Created", "Created", &Ty::Str, true),
        Field::new("Container", "Container", &Ty::Str, true),
        Field::new(
            "ContainerConfig",
            "ContainerConfig",
            &Ty::Ptr(&Ty::Struct(&CONTAINER_CONFIG)),
            true,
        ),
        Field::new("DockerVersion", "DockerVersion", &Ty::Str, false),
        Field::new("Author", "Author", &Ty::Str, false),
        Field::new(
            "Config",
            "Config",
            &Ty::Ptr(&Ty::Struct(&DOCKERSPEC_DOCKEROCIIMAGECONFIG)),
            false,
        ),
        Field::new("Architecture", "Architecture", &Ty::Str, false),
        Field::new("Variant", "Variant", &Ty::Str, true),
        Field::new("Os", "Os", &Ty::Str, false),
        Field::new("OsVersion", "OsVersion", &Ty::Str, true),
        Field::new("Size", "Size", &Ty::Int, false),
        Field::new("VirtualSize", "VirtualSize", &Ty::Int, true),
        Field::new(
            "GraphDriver",
            "GraphDriver",
            &Ty::Struct(&STORAGE_DRIVERDATA),
            false,
        ),
        Field::new("RootFS", "RootFS", &Ty::Struct(&IMAGE_ROOTFS), false),
        Field::new("Metadata", "Metadata", &Ty::Struct(&IMAGE_METADATA), false),
        Field::new(
            "Descriptor",
            "Descriptor",
            &Ty::Ptr(&Ty::Struct(&OCISPEC_DESCRIPTOR)),
            true,
        ),
        Field::new(
            "Manifests",
            "Manifests",
            &Ty::Slice(&Ty::Struct(&IMAGE_MANIFESTSUMMARY)),
            true,
        ),
    ],
};

pub static DOCKERSPEC_DOCKEROCIIMAGECONFIG: GoStruct = GoStruct {
    name: "dockerspec.DockerOCIImageConfig",
    fields: &[
        Field::embedded("ImageConfig", &Ty::Struct(&OCISPEC_IMAGECONFIG)),
        Field::embedded(
            "DockerOCIImageConfigExt",
            &Ty::Struct(&DOCKERSPEC_DOCKEROCIIMAGECONFIGEXT),
        ),
    ],
};

pub static DOCKERSPEC_DOCKEROCIIMAGECONFIGEXT: GoStruct = GoStruct {
    name: "dockerspec.DockerOCIImageConfigExt",
    fields: &[
        Field::new(
            "Healthcheck",
            "Healthcheck",
            &Ty::Ptr(&Ty::Struct(&DOCKERSPEC_HEALTHCHECKCONFIG)),
            true,
        ),
        Field::new("OnBuild", "OnBuild", &Ty::Slice(&Ty::Str), true),
        Field::new("Shell", "Shell", &Ty::Slice(&Ty::Str), true),
    ],
};

pub static IMAGE_MANIFESTSUMMARY: GoStruct = GoStruct {
    name: "image.ManifestSummary",
    fields: &[
        Field::new("ID", "ID", &Ty::Str, false),
        Field::new(
            "Descriptor",
            "Descriptor",
            &Ty::Struct(&OCISPEC_DESCRIPTOR),
            false,
        ),
        Field::new("Available", "Available", &Ty::Bool, false),
        Field::new("Kind", "Kind", &Ty::Str, false),
        Field::new(
            "ImageData",
            "ImageData",
            &Ty::Ptr(&Ty::Struct(&IMAGE_IMAGEPROPERTIES)),
            true,
        ),
        Field::new(
            "AttestationData",
            "AttestationData",
            &Ty::Ptr(&Ty::Struct(&IMAGE_ATTESTATIONPROPERTIES)),
            true,
        ),
    ],
};

pub static IMAGE_ATTESTATIONPROPERTIES: GoStruct = GoStruct {
    name: "image.AttestationProperties",
    fields: &[Field::new("For", "For", &Ty::Str, false)],
};

pub static IMAGE_IMAGEPROPERTIES: GoStruct = GoStruct {
    name: "image.ImageProperties",
    fields: &[
        Field::new(
            "Platform",
            "Platform",
            &Ty::Struct(&OCISPEC_PLATFORM),
            false,
        ),
        Field::new("Containers", "Containers", &Ty::Slice(&Ty::Str), false),
    ],
};

pub static IMAGE_METADATA: GoStruct = GoStruct {
    name: "image.Metadata",
    fields: &[Field::new("LastTagTime", "LastTagTime", &Ty::Time, true)],
};

pub static IMAGE_ROOTFS: GoStruct = GoStruct {
    name: "image.RootFS",
    fields: &[
        Field::new("Type", "Type", &Ty::Str, true),
        Field::new("Layers", "Layers", &Ty::Slice(&Ty::Str), true),
    ],
};

pub static MOUNT_MOUNT: GoStruct = GoStruct {
    name: "mount.Mount",
    fields: &[
        Field::new("Type", "Type", &Ty::Str, true),
        Field::new("Source", "Source", &Ty::Str, true),
        Field::new("Target", "Target", &Ty::Str, true),
        Field::new("ReadOnly", "ReadOnly", &Ty::Bool, true),
        Field::new("Consistency", "Consistency", &Ty::Str, true),
        Field::new(
            "BindOptions",
            "BindOptions",
            &Ty::Ptr(&Ty::Struct(&MOUNT_BINDOPTIONS)),
            true,
        ),
        Field::new(
            "VolumeOptions",
            "VolumeOptions",
            &Ty::Ptr(&Ty::Struct(&MOUNT_VOLUMEOPTIONS)),
            true,
        ),
        Field::new(
            "ImageOptions",
            "ImageOptions",
            &Ty::Ptr(&Ty::Struct(&MOUNT_IMAGEOPTIONS)),
            true,
        ),
        Field::new(
            "TmpfsOptions",
            "TmpfsOptions",
            &Ty::Ptr(&Ty::Struct(&MOUNT_TMPFSOPTIONS)),
            true,
        ),
        Field::new(
            "ClusterOptions",
            "ClusterOptions",
            &Ty::Ptr(&Ty::Struct(&MOUNT_CLUSTEROPTIONS)),
            true,
        ),
    ],
};

pub static MOUNT_BINDOPTIONS: GoStruct = GoStruct {
    name: "mount.BindOptions",
    fields: &[
        Field::new("Propagation", "Propagation", &Ty::Str, true),
        Field::new("NonRecursive", "NonRecursive", &Ty::Bool, true),
        Field::new("CreateMountpoint", "CreateMountpoint", &Ty::Bool, true),
        Field::new(
            "ReadOnlyNonRecursive",
            "ReadOnlyNonRecursive",
            &Ty::Bool,
            true,
        ),
        Field::new(
            "ReadOnlyForceRecursive",
            "ReadOnlyForceRecursive",
            &Ty::Bool,
            true,
        ),
    ],
};

pub static MOUNT_CLUSTEROPTIONS: GoStruct = GoStruct {
    name: "mount.ClusterOptions",
    fields: &[],
};

pub static MOUNT_IMAGEOPTIONS: GoStruct = GoStruct {
    name: "mount.ImageOptions",
    fields: &[Field::new("Subpath", "Subpath", &Ty::Str, true)],
};

pub static MOUNT_TMPFSOPTIONS: GoStruct = GoStruct {
    name: "mount.TmpfsOptions",
    fields: &[
        Field::new("SizeBytes", "SizeBytes", &Ty::Int, true),
        Field::new("Mode", "Mode", &Ty::Uint, true),
        Field::new("Options", "Options", &Ty::Slice(&Ty::Slice(&Ty::Str)), true),
    ],
};

pub static MOUNT_VOLUMEOPTIONS: GoStruct = GoStruct {
    name: "mount.VolumeOptions",
    fields: &[
        Field::new("NoCopy", "NoCopy", &Ty::Bool, true),
        Field::new("Labels", "Labels", &Ty::Map(&Ty::Str), true),
        Field::new("Subpath", "Subpath", &Ty::Str, true),
        Field::new(
            "DriverConfig",
            "DriverConfig",
            &Ty::Ptr(&Ty::Struct(&MOUNT_DRIVER)),
            true,
        ),
    ],
};

pub static MOUNT_DRIVER: GoStruct = GoStruct {
    name: "mount.Driver",
    fields: &[
        Field::new("Name", "Name", &Ty::Str, true),
        Field::new("Options", "Options", &Ty::Map(&Ty::Str), true),
    ],
};

pub static NAT_PORTBINDING: GoStruct = GoStruct {
    name: "nat.PortBinding",
    fields: &[
        Field::new("HostIP", "HostIp", &Ty::Str, false),
        Field::new("HostPort", "HostPort", &Ty::Str, false),
    ],
};

pub static NETWORK_ENDPOINTSETTINGS: GoStruct = GoStruct {
    name: "network.EndpointSettings",
    fields: &[
        Field::new(
            "IPAMConfig",
            "IPAMConfig",
            &Ty::Ptr(&Ty::Struct(&NETWORK_ENDPOINTIPAMCONFIG)),
            false,
        ),
        Field::new("Links", "Links", &Ty::Slice(&Ty::Str), false),
        Field::new("Aliases", "Aliases", &Ty::Slice(&Ty::Str), false),
        Field::new("MacAddress", "MacAddress", &Ty::Str, false),
        Field::new("DriverOpts", "DriverOpts", &Ty::Map(&Ty::Str), false),
        Field::new("GwPriority", "GwPriority", &Ty::Int, false),
        Field::new("NetworkID", "NetworkID", &Ty::Str, false),
        Field::new("EndpointID", "EndpointID", &Ty::Str, false),
        Field::new("Gateway", "Gateway", &Ty::Str, false),
        Field::new("IPAddress", "IPAddress", &Ty::Str, false),
        Field::new("IPPrefixLen", "IPPrefixLen", &Ty::Int, false),
        Field::new("IPv6Gateway", "IPv6Gateway", &Ty::Str, false),
        Field::new("GlobalIPv6Address", "GlobalIPv6Address", &Ty::Str, false),
        Field::new(
            "GlobalIPv6PrefixLen",
            "GlobalIPv6PrefixLen",
            &Ty::Int,
            false,
        ),
        Field::new("DNSNames", "DNSNames", &Ty::Slice(&Ty::Str), false),
    ],
};

pub static NETWORK_ENDPOINTIPAMCONFIG: GoStruct = GoStruct {
    name: "network.EndpointIPAMConfig",
    fields: &[
        Field::new("IPv4Address", "IPv4Address", &Ty::Str, true),
        Field::new("IPv6Address", "IPv6Address", &Ty::Str, true),
        Field::new("LinkLocalIPs", "LinkLocalIPs", &Ty::Slice(&Ty::Str), true),
    ],
};

pub static OCISPEC_DESCRIPTOR: GoStruct = GoStruct {
    name: "ocispec.Descriptor",
    fields: &[
        Field::new("MediaType", "mediaType", &Ty::Str, false),
        Field::new("Digest", "digest", &Ty::Str, false),
        Field::new("Size", "size", &Ty::Int, false),
        Field::new("URLs", "urls", &Ty::Slice(&Ty::Str), true),
        Field::new("Annotations", "annotations", &Ty::Map(&Ty::Str), true),
        Field::new("Data", "data", &Ty::Bytes, true),
        Field::new(
            "Platform",
            "platform",
            &Ty::Ptr(&Ty::Struct(&OCISPEC_PLATFORM)),
            true,
        ),
        Field::new("ArtifactType", "artifactType", &Ty::Str, true),
    ],
};

pub static OCISPEC_IMAGECONFIG: GoStruct = GoStruct {
    name: "ocispec.ImageConfig",
    fields: &[
        Field::new("User", "User", &Ty::Str, true),
        Field::new("ExposedPorts", "ExposedPorts", &Ty::Map(&Ty::Empty), true),
        Field::new("Env", "Env", &Ty::Slice(&Ty::Str), true),
        Field::new("Entrypoint", "Entrypoint", &Ty::Slice(&Ty::Str), true),
        Field::new("Cmd", "Cmd", &Ty::Slice(&Ty::Str), true),
        Field::new("Volumes", "Volumes", &Ty::Map(&Ty::Empty), true),
        Field::new("WorkingDir", "WorkingDir", &Ty::Str, true),
        Field::new("Labels", "Labels", &Ty::Map(&Ty::Str), true),
        Field::new("StopSignal", "StopSignal", &Ty::Str, true),
        Field::new("ArgsEscaped", "ArgsEscaped", &Ty::Bool, true),
    ],
};

pub static OCISPEC_PLATFORM: GoStruct = GoStruct {
    name: "ocispec.Platform",
    fields: &[
        Field::new("Architecture", "architecture", &Ty::Str, false),
        Field::new("OS", "os", &Ty::Str, false),
        Field::new("OSVersion", "os.version", &Ty::Str, true),
        Field::new("OSFeatures", "os.features", &Ty::Slice(&Ty::Str), true),
        Field::new("Variant", "variant", &Ty::Str, true),
    ],
};

pub static STORAGE_DRIVERDATA: GoStruct = GoStruct {
    name: "storage.DriverData",
    fields: &[
        Field::new("Data", "Data", &Ty::Map(&Ty::Str), false),
        Field::new("Name", "Name", &Ty::Str, false),
    ],
};

pub static UNITS_ULIMIT: GoStruct = GoStruct {
    name: "units.Ulimit",
    fields: &[
        Field::new("Name", "Name", &Ty::Str, false),
        Field::new("Hard", "Hard", &Ty::Int, false),
        Field::new("Soft", "Soft", &Ty::Int, false),
    ],
};

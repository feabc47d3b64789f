//! The rows of `dkr images` (docker's `cli/command/formatter/image.go` at v28.2.2): one row per
//! repository and tag (and per digest with `--digests`), the `<none>` rules, the template
//! fields and their JSON keys, the header titles and the default table formats.

use jiff::tz::TimeZone;
use serde_json::{json, Map, Value};
use std::collections::BTreeSet;

use super::template::Row;
use super::units::{ago, human_size, human_size_with_precision};
use crate::engine::models::ImageSummary;
use crate::engine::reference::Reference;

/// docker's default `images` table.
pub const DEFAULT_TABLE_FORMAT: &str =
    "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}";
/// docker's default `images --digests` table.
pub const DEFAULT_TABLE_FORMAT_WITH_DIGEST: &str =
    "table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}";

/// docker's `NewImageFormat`: the format actually rendered for `source` (the `--format` value,
/// config `imagesFormat`, or `table`).
pub fn image_format(source: &str, quiet: bool, digest: bool) -> String {
    match source {
        "table" => {
            if quiet {
                "{{.ID}}".to_string()
            } else if digest {
                DEFAULT_TABLE_FORMAT_WITH_DIGEST.to_string()
            } else {
                DEFAULT_TABLE_FORMAT.to_string()
            }
        }
        "raw" => {
            if quiet {
                "image_id: {{.ID}}".to_string()
            } else if digest {
                "repository: {{ .Repository }}\ntag: {{.Tag}}\ndigest: {{.Digest}}\nimage_id: {{.ID}}\ncreated_at: {{.CreatedAt}}\nvirtual_size: {{.Size}}\n".to_string()
            } else {
                "repository: {{ .Repository }}\ntag: {{.Tag}}\nimage_id: {{.ID}}\ncreated_at: {{.CreatedAt}}\nvirtual_size: {{.Size}}\n".to_string()
            }
        }
        _ => {
            let mut format = source.to_string();
            if format.starts_with("table") && digest && !format.contains("{{.Digest}}") {
                format.push_str("\\t{{.Digest}}");
            }
            format
        }
    }
}

/// The header titles of `ImageContext` (field → column title).
pub fn header() -> Value {
    json!({
        "ID": "IMAGE ID",
        "Repository": "REPOSITORY",
        "Tag": "TAG",
        "Digest": "DIGEST",
        "CreatedSince": "CREATED",
        "CreatedAt": "CREATED AT",
        "Size": "SIZE",
        "Containers": "CONTAINERS",
        "VirtualSize": "SIZE",
        "SharedSize": "SHARED SIZE",
        "UniqueSize": "UNIQUE SIZE",
    })
}

/// One row of `images`: the template's dot.
#[derive(Debug, Clone)]
pub struct ImageRow {
    data: Value,
}

impl ImageRow {
    /// The repository, tag and digest this row shows.
    pub fn repository(&self) -> &str {
        self.data["Repository"].as_str().unwrap_or("")
    }
}

impl Row for ImageRow {
    fn data(&self) -> &Value {
        &self.data
    }

    fn type_name(&self) -> Option<&str> {
        Some("*formatter.imageContext")
    }
}

/// What the row builder needs to know about the command line.
#[derive(Debug, Clone, Copy)]
pub struct ImageOptions<'a> {
    /// Truncate IDs (`!--no-trunc`).
    pub trunc: bool,
    /// `--digests`.
    pub digests: bool,
    /// The final format (digest rows are also kept when it mentions `{{.Digest}}`).
    pub format: &'a str,
    /// The template fields the format reads (`None`: all); rows get only these.
    pub fields: Option<&'a BTreeSet<String>>,
}

/// Which keys of a `/images/json` entry each template field is computed from; `RepoTags` and
/// `RepoDigests` decide the rows themselves and are always read.
const FIELD_KEYS: super::format::FieldKeys = &[
    ("Containers", &["Containers"]),
    ("CreatedAt", &["Created"]),
    ("CreatedSince", &["Created"]),
    ("ID", &["Id"]),
    ("SharedSize", &["SharedSize"]),
    ("Size", &["Size"]),
    ("UniqueSize", &["Size", "SharedSize"]),
    ("VirtualSize", &["Size"]),
];

/// The keys of each `/images/json` entry that rows with only `fields` need (`None`: every
/// field's keys).
pub fn list_keys(fields: Option<&BTreeSet<String>>) -> Vec<&'static str> {
    super::format::answer_keys(fields, FIELD_KEYS, &["RepoDigests", "RepoTags"])
}

fn is_dangling(img: &ImageSummary) -> bool {
    let tags = img.repo_tags.as_deref().unwrap_or(&[]);
    let digests = img.repo_digests.as_deref().unwrap_or(&[]);
    if tags.is_empty() && digests.is_empty() {
        return true;
    }
    tags.len() == 1
        && tags[0] == "<none>:<none>"
        && digests.len() == 1
        && digests[0] == "<none>@<none>"
}

/// The rows for a list of images (docker's `imageFormat`), in daemon order. docker iterates
/// Go maps for the repositories of one image, so their order is random there; here it is the
/// order in which each repository first appears in `RepoTags` (then `RepoDigests`).
pub fn image_rows(
    images: &[ImageSummary],
    opts: ImageOptions<'_>,
    now_nanos: i128,
    tz: &TimeZone,
) -> Vec<ImageRow> {
    let mut rows = Vec::new();
    for img in images {
        if is_dangling(img) {
            rows.push(make_row(
                img, opts, "<none>", "<none>", "<none>", now_nanos, tz,
            ));
            continue;
        }
        for (repo, tag, digest) in tagged_and_digested(img, opts) {
            rows.push(make_row(img, opts, &repo, &tag, &digest, now_nanos, tz));
        }
    }
    rows
}

/// docker's `imageFormatTaggedAndDigest`: (repository, tag, digest) triples for one image.
fn tagged_and_digested(
    img: &ImageSummary,
    opts: ImageOptions<'_>,
) -> Vec<(String, String, String)> {
    let need_digest = opts.digests || opts.format.contains("{{.Digest}}");
    let mut repo_tags: Vec<(String, Vec<String>)> = Vec::new();
    let mut repo_digests: Vec<(String, Vec<String>)> = Vec::new();
    fn push(list: &mut Vec<(String, Vec<String>)>, key: String, value: String) {
        match list.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => v.push(value),
            None => list.push((key, vec![value])),
        }
    }
    for s in img.repo_tags.as_deref().unwrap_or(&[]) {
        if let Ok(r) = Reference::parse(s) {
            if let Some(tag) = &r.tag {
                push(&mut repo_tags, r.familiar_name(), tag.clone());
            }
        }
    }
    for s in img.repo_digests.as_deref().unwrap_or(&[]) {
        if let Ok(r) = Reference::parse(s) {
            if let Some(d) = &r.digest {
                push(&mut repo_digests, r.familiar_name(), d.clone());
            }
        }
    }
    let mut out = Vec::new();
    for (repo, tags) in &repo_tags {
        let mut digests = Vec::new();
        if let Some(pos) = repo_digests.iter().position(|(k, _)| k == repo) {
            digests = repo_digests.remove(pos).1;
        }
        if !need_digest {
            digests.clear();
        }
        for tag in tags {
            if digests.is_empty() {
                out.push((repo.clone(), tag.clone(), "<none>".to_string()));
                continue;
            }
            for d in &digests {
                out.push((repo.clone(), tag.clone(), d.clone()));
            }
        }
    }
    for (repo, digests) in repo_digests {
        if opts.digests {
            for d in digests {
                out.push((repo.clone(), "<none>".to_string(), d));
            }
        } else {
            // docker leaves the digest empty here (not `<none>`).
            out.push((repo, "<none>".to_string(), String::new()));
        }
    }
    out
}

fn make_row(
    img: &ImageSummary,
    opts: ImageOptions<'_>,
    repo: &str,
    tag: &str,
    digest: &str,
    now_nanos: i128,
    tz: &TimeZone,
) -> ImageRow {
    let want = |name: &str| opts.fields.is_none_or(|f| f.contains(name));
    let mut m = Map::new();
    let mut put = |name: &str, value: &dyn Fn() -> String| {
        if want(name) {
            m.insert(name.into(), Value::String(value()));
        }
    };
    put("Containers", &|| {
        if img.containers == -1 {
            "N/A".to_string()
        } else {
            img.containers.to_string()
        }
    });
    put("CreatedAt", &|| {
        crate::golang::time::time_string(img.created, tz)
    });
    // `time.Unix(created, 0).IsZero()` is never true for an int64 of seconds since 1970, so
    // CreatedSince is never empty in docker either.
    put("CreatedSince", &|| ago(now_nanos, img.created));
    put("Digest", &|| digest.to_string());
    put("ID", &|| {
        if opts.trunc {
            truncate_id(&img.id)
        } else {
            img.id.clone()
        }
    });
    put("Repository", &|| repo.to_string());
    put("SharedSize", &|| {
        if img.shared_size == -1 {
            "N/A".to_string()
        } else {
            human_size(img.shared_size as f64)
        }
    });
    put("Size", &|| human_size_with_precision(img.size as f64, 3));
    put("Tag", &|| tag.to_string());
    put("UniqueSize", &|| {
        if img.size == -1 || img.shared_size == -1 {
            "N/A".to_string()
        } else {
            human_size((img.size - img.shared_size) as f64)
        }
    });
    put("VirtualSize", &|| human_size(img.size as f64));
    ImageRow {
        data: Value::Object(m),
    }
}

/// moby's `stringid.TruncateID`: drop everything up to the first `:`, keep 12 bytes.
pub fn truncate_id(id: &str) -> String {
    let id = match id.find(':') {
        Some(i) => &id[i + 1..],
        None => id,
    };
    let b = id.as_bytes();
    if b.len() > 12 {
        String::from_utf8_lossy(&b[..12]).into_owned()
    } else {
        id.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "sha256:d592c1a8346a7d24a1b4d4b3d1f9f0b4fe2f6b5e7a2c4f1e0d9c8b7a6f5e4d3c";
    const DGST: &str = "sha256:21265c78a6ff6c9e25c1df0470f92bada45271ff6ae0e1680c8a79d1e82f0d71";
    const NOW: i128 = 1_800_000_000_000_000_000;

    fn img(tags: &[&str], digests: &[&str]) -> ImageSummary {
        ImageSummary {
            id: ID.to_string(),
            repo_tags: Some(tags.iter().map(|s| s.to_string()).collect()),
            repo_digests: Some(digests.iter().map(|s| s.to_string()).collect()),
            created: 1_800_000_000 - 120,
            size: 1_982_298,
            shared_size: -1,
            containers: -1,
            ..Default::default()
        }
    }

    fn rows(
        images: &[ImageSummary],
        trunc: bool,
        digests: bool,
        format: &str,
    ) -> Vec<(String, String, String)> {
        let opts = ImageOptions {
            trunc,
            digests,
            format,
            fields: None,
        };
        image_rows(images, opts, NOW, &TimeZone::UTC)
            .iter()
            .map(|r| {
                let d = r.data();
                (
                    d["Repository"].as_str().unwrap().to_string(),
                    d["Tag"].as_str().unwrap().to_string(),
                    d["Digest"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    }

    fn t(a: &str, b: &str, c: &str) -> (String, String, String) {
        (a.into(), b.into(), c.into())
    }

    #[test]
    fn dangling_rows() {
        assert_eq!(
            rows(&[img(&[], &[])], true, false, ""),
            vec![t("<none>", "<none>", "<none>")]
        );
        assert_eq!(
            rows(
                &[img(&["<none>:<none>"], &["<none>@<none>"])],
                true,
                false,
                ""
            ),
            vec![t("<none>", "<none>", "<none>")]
        );
    }

    #[test]
    fn tag_and_digest_rows() {
        let i = img(
            &["busybox:latest", "localhost:5000/busybox:1", "busybox:2"],
            &[&format!("busybox@{DGST}")],
        );
        assert_eq!(
            rows(std::slice::from_ref(&i), true, false, ""),
            vec![
                t("busybox", "latest", "<none>"),
                t("busybox", "2", "<none>"),
                t("localhost:5000/busybox", "1", "<none>"),
            ]
        );
        assert_eq!(
            rows(std::slice::from_ref(&i), true, true, ""),
            vec![
                t("busybox", "latest", DGST),
                t("busybox", "2", DGST),
                t("localhost:5000/busybox", "1", "<none>"),
            ]
        );
        // A template that mentions {{.Digest}} keeps digests on tag rows too.
        assert_eq!(
            rows(&[i], true, false, "{{.Digest}}")[0],
            t("busybox", "latest", DGST)
        );
        // Digest-only repositories.
        let j = img(&[], &[&format!("localhost:5000/busybox@{DGST}")]);
        assert_eq!(
            rows(std::slice::from_ref(&j), true, false, ""),
            vec![t("localhost:5000/busybox", "<none>", "")]
        );
        assert_eq!(
            rows(&[j], true, true, ""),
            vec![t("localhost:5000/busybox", "<none>", DGST)]
        );
    }

    #[test]
    fn fields() {
        let i = img(&["busybox:latest"], &[]);
        let opts = ImageOptions {
            trunc: true,
            digests: false,
            format: "",
            fields: None,
        };
        let r = &image_rows(std::slice::from_ref(&i), opts, NOW, &TimeZone::UTC)[0];
        let d = r.data();
        assert_eq!(d["ID"], "d592c1a8346a");
        assert_eq!(d["CreatedSince"], "2 minutes ago");
        assert_eq!(d["CreatedAt"], "2027-01-15 07:58:00 +0000 UTC");
        assert_eq!(d["Size"], "1.98MB");
        assert_eq!(d["VirtualSize"], "1.982MB");
        assert_eq!(d["SharedSize"], "N/A");
        assert_eq!(d["UniqueSize"], "N/A");
        assert_eq!(d["Containers"], "N/A");
        let keys: Vec<&String> = d.as_object().unwrap().keys().collect();
        assert_eq!(
            keys,
            [
                "Containers",
                "CreatedAt",
                "CreatedSince",
                "Digest",
                "ID",
                "Repository",
                "SharedSize",
                "Size",
                "Tag",
                "UniqueSize",
                "VirtualSize"
            ]
        );
        let opts = ImageOptions {
            trunc: false,
            ..opts
        };
        let mut i2 = i;
        i2.shared_size = 1000;
        i2.containers = 2;
        let r = &image_rows(&[i2], opts, NOW, &TimeZone::UTC)[0];
        assert_eq!(r.data()["ID"], ID);
        assert_eq!(r.data()["SharedSize"], "1kB");
        assert_eq!(r.data()["UniqueSize"], "1.981MB");
        assert_eq!(r.data()["Containers"], "2");
    }

    #[test]
    fn formats() {
        assert_eq!(image_format("table", false, false), DEFAULT_TABLE_FORMAT);
        assert_eq!(
            image_format("table", false, true),
            DEFAULT_TABLE_FORMAT_WITH_DIGEST
        );
        assert_eq!(image_format("table", true, true), "{{.ID}}");
        assert_eq!(
            image_format("table {{.ID}}", false, true),
            "table {{.ID}}\\t{{.Digest}}"
        );
        assert_eq!(
            image_format("table {{.Digest}}", false, true),
            "table {{.Digest}}"
        );
        assert_eq!(image_format("{{.ID}}", true, true), "{{.ID}}");
        assert_eq!(image_format("json", false, false), "json");
        assert_eq!(truncate_id("sha256:abc"), "abc");
        assert_eq!(truncate_id("0123456789abcdef"), "0123456789ab");
    }
}

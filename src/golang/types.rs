//! Go types described as data: a struct's fields in declaration order with their JSON names and
//! `omitempty`, so a JSON document can be seen as the Go value docker decodes it into (what its
//! templates and `json.Marshal` then see). The tables themselves are in `engine::go_types`.

/// A Go type, as far as decoding JSON into it and printing or re-encoding it can tell.
#[derive(Debug)]
pub enum Ty {
    /// `string` and the named string types (`container.NetworkMode`, `digest.Digest`, …).
    Str,
    Bool,
    /// The signed integers.
    Int,
    /// The unsigned integers (also `os.FileMode`).
    Uint,
    Float,
    /// `interface{}`: what JSON holds, as a map-backed template value.
    Iface,
    /// `struct{}` (the values of `nat.PortSet`).
    Empty,
    /// `time.Time`, kept as the RFC 3339 text JSON carries.
    Time,
    /// `time.Duration`: nanoseconds.
    Duration,
    /// `[]byte`: base64 text in JSON.
    Bytes,
    /// A pointer: nil when JSON has `null` or nothing.
    Ptr(&'static Ty),
    /// A slice (or array): nil when JSON has `null` or nothing.
    Slice(&'static Ty),
    /// A map with string keys.
    Map(&'static Ty),
    Struct(&'static GoStruct),
}

/// A Go struct: its type name (`container.State`) and fields.
#[derive(Debug)]
pub struct GoStruct {
    pub name: &'static str,
    pub fields: &'static [Field],
}

/// One field. An embedded struct (`*ContainerJSONBase`) has an empty `json` name: its fields are
/// promoted, both for templates (`.Id` → `.ID` lookups) and for JSON.
#[derive(Debug)]
pub struct Field {
    pub go: &'static str,
    pub json: &'static str,
    pub ty: &'static Ty,
    pub omitempty: bool,
    pub embedded: bool,
}

impl Field {
    pub const fn new(
        go: &'static str,
        json: &'static str,
        ty: &'static Ty,
        omitempty: bool,
    ) -> Self {
        Field {
            go,
            json,
            ty,
            omitempty,
            embedded: false,
        }
    }

    pub const fn embedded(go: &'static str, ty: &'static Ty) -> Self {
        Field {
            go,
            json: "",
            ty,
            omitempty: false,
            embedded: true,
        }
    }
}

/// The member of a JSON object Go's decoder assigns to a field named `name`: the exact key if
/// there is one, else the first key equal to it ignoring case (encoding/json folds case).
pub fn json_member<'v>(
    obj: &'v serde_json::Map<String, serde_json::Value>,
    name: &str,
) -> Option<&'v serde_json::Value> {
    obj.get(name).or_else(|| {
        obj.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    })
}

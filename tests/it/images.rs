//! Differential tests of `dkr images` against the shared fixture (see `support::fixture`).

use crate::support::fixture::fixture;

differential! { with fixture();
    images_repository_arg: ["images", "{P}/img"];
    images_reference_filter: ["images", "-f", "reference={P}/*"];
    images_reference_glob_arg: ["images", "{P}/*:v1"];
    images_all: ["images", "-a", "{P}/img"];
    images_quiet: ["images", "-q", "{P}/img"];
    images_no_trunc: ["images", "--no-trunc", "{P}/img"];
    images_digests: ["images", "--digests", "{P}/img"];
    images_digests_busybox: ["images", "--digests", "busybox"];
    images_digest_only_repository: ["images", "{D}"];
    images_digest_only_repository_digests: ["images", "--digests", "{D}"];
    images_digest_template: ["images", "--format", "{{.Repository}} [{{.Tag}}] [{{.Digest}}]", "{D}"];
    images_digest_json: ["images", "--format", "json", "--digests", "{D}"];
    images_busybox: ["images", "busybox"];
    images_format_json: ["images", "--format", "json", "{P}/img"];
    images_format_raw: ["images", "--format", "raw", "{P}/img"];
    images_format_raw_digests: ["images", "--format", "raw", "--digests", "{D}"];
    images_format_raw_quiet: ["images", "-q", "--format", "raw", "{P}/img"];
    images_format_json_dot: ["images", "--format", "{{json .}}", "{P}/img"];
    images_format_template: ["images", "--format", "{{.Repository}}:{{.Tag}} {{.ID}} {{.Size}} {{.VirtualSize}} {{.Containers}} {{.SharedSize}} {{.UniqueSize}} {{.Digest}}", "{P}/img"];
    images_format_table_template: ["images", "--format", "table {{.Repository}}\\t{{.Tag}}\\t{{.CreatedSince}}\\t{{.CreatedAt}}", "{P}/img"];
    images_format_table_digests_appended: ["images", "--digests", "--format", "table {{.Repository}}\\t{{.Tag}}", "{P}/img"];
    images_quiet_with_format: ["images", "-q", "--format", "{{.Repository}}", "{P}/img"];
    images_image_ls: ["image", "ls", "{P}/img"];
    images_subcommand_hint: ["images", "pull"];
    images_subcommand_hint_ls: ["images", "ls"];
    images_no_hint_for_image_ls: ["image", "ls", "pull"];
    images_no_match: ["images", "dkr-no-such-image-xyz"];
    images_too_many_args: ["images", "a", "b"];
    images_image_ls_too_many_args: ["image", "ls", "a", "b"];
    images_image_list_unknown_flag: ["image", "list", "--bogus"];
    images_tree: ["images", "--tree"];
    images_tree_false: ["images", "--tree=false"];
    images_filter_without_equals: ["images", "-f", "dangling"];
    images_unknown_filter_key: ["images", "-f", "foo=bar"];
    images_bad_dangling_value: ["images", "-f", "dangling=maybe"];
    images_unknown_flag: ["images", "--bogus"];
    images_template_parse_error: ["images", "--format", "{{.Repository", "busybox"];
    images_template_exec_error: ["images", "--format", "{{.Foo}}", "busybox"];
}

on_both_engines! {
    fn images_config_images_format() {
        let Some(f) = fixture() else { return };
        f.compare_in(
            |e| e.with_config(r#"{"imagesFormat": "{{.Repository}} {{.Tag}}"}"#),
            &["images", "{P}/img"],
        );
        // -q ignores the configured format.
        f.compare_in(
            |e| e.with_config(r#"{"imagesFormat": "{{.Repository}} {{.Tag}}"}"#),
            &["images", "-q", "{P}/img"],
        );
    }
}

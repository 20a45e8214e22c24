-- H2 (the embedded trial database) has no partial indexes: this index serves the sealer's
-- look-up of unsealed rows (seal_seq is null) in id order.
create index pf_audit_unsealed_ix on pf_audit (seal_seq, id);

-- PostgreSQL: the sealer looks for unsealed rows in id order every few seconds; a partial index
-- holds only those, so it stays tiny however long the trail grows.
create index pf_audit_unsealed_ix on pf_audit (id) where seal_seq is null;

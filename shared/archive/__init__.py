"""The archive of signed service forms: the hash chain and its verification."""

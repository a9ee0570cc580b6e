from hlib import _stub_call
verify_user = _stub_call('users', 'verify_user')

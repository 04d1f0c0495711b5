import { describe, expect, it } from 'vitest';
import { additionalKeys, rakp2Code, rakp3Code, rakp4Icv, sessionIntegrityKey, type RakpInputs } from './keys';
import { fromHex } from '../wire/hex';
import { integrityCode } from './integrity';
import { decryptPayload, encryptPayload } from './aes-cbc';

const pw = Buffer.from('password');

// LAB session, cipher suite 3 (research notes §11.2): ipmitool 1.8.19 ↔ ipmi_sim, every value recomputed
// independently in Python and by libfreeipmi's ipmi_calculate_* through ctypes.
const suite3: RakpInputs = {
  consoleSessionId: 0xa0a2a3a4,
  bmcSessionId: 0x00000102,
  consoleRandom: fromHex('7bda5f55b5f266e82008f921a5dfd3c1'),
  bmcRandom: fromHex('91ef97d7143c7c06201a448e0ae148f9'),
  bmcGuid: fromHex('a123456789abcdefa123456789abcdef'),
  role: 0x14,
  username: Buffer.from('admin'),
};

describe('RAKP codes and session keys', () => {
  it('HMAC-SHA1 (suite 3, LAB capture)', () => {
    expect(rakp2Code('hmac-sha1', pw, suite3).toString('hex')).toBe(
      '056c9999c16fd0fba67b7d34f6cc0a0c0b8d526b',
    );
    expect(rakp3Code('hmac-sha1', pw, suite3).toString('hex')).toBe(
      '4d7a22602cf5a57b87da2c353fad64b41dae8a73',
    );
    const sik = sessionIntegrityKey('hmac-sha1', pw, suite3);
    expect(sik.toString('hex')).toBe('734addd6ea0808d2f5a8f76820ad1b69958cd978');
    const { k1, k2 } = additionalKeys('hmac-sha1', sik);
    expect(k1.toString('hex')).toBe('920666ae126396826db495dc61981df1a6402d50');
    expect(k2.toString('hex')).toBe('f65983db49dabf4043f1810a11d0b930188a5d1c');
    expect(rakp4Icv('hmac-sha1', sik, suite3).subarray(0, 12).toString('hex')).toBe(
      '736a0c17422e53da440d6d1f',
    );
  });

  // §11.4: the same inputs with the other algorithms; SIK/K1/K2/RAKP3 from libfreeipmi 1.6.10.
  it.each([
    {
      alg: 'hmac-md5' as const,
      sik: '2f244319e660e86171aaa471b4c101d7',
      k1: 'e8002685777de42deced57573609d2a2',
      k2: 'c3587ec95dada743110b2e511723e188',
      r2: '49b3b4703862dc852ab1b405f216e4d1',
      r3: '7d141738fb68c003761a822eb6a1878b',
      icv: 'efe7541721c4171c0817618b21e6bfb6',
    },
    {
      alg: 'hmac-sha256' as const,
      sik: '1d0d6332dafd572fd22761d07fd94acac02fe43c4c83d48f6afc431af47c7261',
      k1: '28d0da74c52168c0d99ea8f2edae4e9ab2058cdedeb2ce963cdf2cac9f4a9a87',
      k2: 'de5dbdf93b967c74b6c57493273599f42b0a45de57a47e592095d8ef55926cd0',
      r2: '2365119170527639fd601523a68d846c53245fb40c73ab5d92ec1b744546ef0c',
      r3: 'c1cdaaafc4239e82395e17c3f4935bf2ee3dd255c58536a0d5482f8bd6b52913',
      icv: '1499f869b374e089f5b920206177d238',
    },
  ])('$alg (derived, libfreeipmi)', ({ alg, sik, k1, k2, r2, r3, icv }) => {
    expect(rakp2Code(alg, pw, suite3).toString('hex')).toBe(r2);
    expect(rakp3Code(alg, pw, suite3).toString('hex')).toBe(r3);
    const s = sessionIntegrityKey(alg, pw, suite3);
    expect(s.toString('hex')).toBe(sik);
    expect(additionalKeys(alg, s).k1.toString('hex')).toBe(k1);
    expect(additionalKeys(alg, s).k2.toString('hex')).toBe(k2);
    expect(rakp4Icv(alg, s, suite3).subarray(0, 16).toString('hex')).toBe(icv);
  });

  it('two-key login keys the SIK with Kg (§11.4, libfreeipmi)', () => {
    const kg = Buffer.from('0123456789abcdefghij');
    expect(sessionIntegrityKey('hmac-sha1', kg, suite3).toString('hex')).toBe(
      'bd2ce298e231ee039356470a8886ff975c824e64',
    );
  });

  // Public vectors: hashcat mode 7300 example hash and a public CTF write-up (§11.1).
  it.each([
    {
      salt: 'b7c2d6f13a43dce2e44ad120a9cd8a13d0ca23f0414275c0bbe1070d2d1299b1c04da0f1a0f1e4e2537300263a2200000000000000000000140768617368636174',
      password: 'hashcat',
      code: '472bdabe2d5d4bffd6add7b3ba79a291d104a9ef',
    },
    {
      salt: '1d828e9282000000ee08e19758b8f7ae5fad97dda696fd50494585843e868227d4aa50ca546ab3b2a123456789abcdefa123456789abcdef140561646d696e',
      password: 'trinity',
      code: '05aa0232b5adffddc6a6930e915029856aab3c10',
    },
  ])('RAKP 2 HMAC-SHA1 public vector ($password)', ({ salt, password, code }) => {
    const s = fromHex(salt);
    const inputs: RakpInputs = {
      consoleSessionId: s.readUInt32LE(0),
      bmcSessionId: s.readUInt32LE(4),
      consoleRandom: s.subarray(8, 24),
      bmcRandom: s.subarray(24, 40),
      bmcGuid: s.subarray(40, 56),
      role: s[56]!,
      username: s.subarray(58, 58 + s[57]!),
    };
    expect(rakp2Code('hmac-sha1', Buffer.from(password), inputs).toString('hex')).toBe(code);
  });
});

describe('per-packet integrity', () => {
  // §11.2: first in-session packet (Set Session Privilege Level) and its reply, HMAC-SHA1-96 with K1.
  const k1 = fromHex('920666ae126396826db495dc61981df1a6402d50');
  const keys = { k1, password20: Buffer.alloc(20) };
  it('HMAC-SHA1-96 request and reply (LAB)', () => {
    const rq = fromHex(
      '06c0020100000300000020 00f115bf6a73710c574782f10913acc768d791928151e5b99eb33c184733620b1dffff0207'.replace(
        / /g,
        '',
      ),
    );
    expect(integrityCode('hmac-sha1-96', keys, rq).toString('hex')).toBe('440aba79c50ac3d767dc911b');
    const rs = fromHex(
      '06c0a4a3a2a0010000002000a1bae18296dd9772c4918b2422a74e87447650c0789d36e42048d2fed307fc52ffff0207',
    );
    expect(integrityCode('hmac-sha1-96', keys, rs).toString('hex')).toBe('5feacef5f8476850b5b3d318');
  });
  it('MD5-128 is MD5(password20 || data || password20), not an HMAC', () => {
    const p20 = Buffer.alloc(20);
    p20.write('password');
    // computed with Python hashlib.md5(p20 + b"\x06\x40" + p20) — an independent implementation
    expect(
      integrityCode('md5-128', { k1: Buffer.alloc(16), password20: p20 }, fromHex('0640')).toString('hex'),
    ).toBe('db5f626b4788db4115a75bd78aa9962a');
  });
});

describe('AES-CBC-128 with IPMI padding', () => {
  const k2 = fromHex('f65983db49dabf4043f1810a11d0b930188a5d1c');
  it('decrypts the LAB Set Session Privilege request and reply (§11.2)', () => {
    const rq = fromHex('f115bf6a73710c574782f10913acc768d791928151e5b99eb33c184733620b1d');
    expect(decryptPayload(k2, rq)!.toString('hex')).toBe('2018c881043b043c');
    const rs = fromHex('a1bae18296dd9772c4918b2422a74e87447650c0789d36e42048d2fed307fc52');
    expect(decryptPayload(k2, rs)!.toString('hex')).toBe('811c6320043b00049d');
  });
  it('encrypts exactly as ipmitool did with the same IV', () => {
    const iv = fromHex('f115bf6a73710c574782f10913acc768');
    expect(encryptPayload(k2, fromHex('2018c881043b043c'), iv).toString('hex')).toBe(
      'f115bf6a73710c574782f10913acc768d791928151e5b99eb33c184733620b1d',
    );
  });
  // gebn/bmc pkg/ipmi/aes_128_cbc_test.go public vector (research notes §11.7).
  it('decrypts the gebn/bmc public vector', () => {
    const data = fromHex('4d15808c3eee67d63b1cb0d1ae76dfcbf313a7be625814a47da0f66fdf21ccba');
    expect(decryptPayload(fromHex('0ed98c34ac8f34ce4dd7d90512b0f97a'), data)!.toString('hex')).toBe(
      '7bec46d5bb90ba',
    );
  });
  it.each([0, 1, 14, 15, 16, 17, 31, 32, 100])('round-trips %i bytes with a valid pad', (n) => {
    const payload = Buffer.alloc(n, 0xab);
    const enc = encryptPayload(k2, payload);
    expect(enc.length % 16).toBe(0);
    expect(decryptPayload(k2, enc)!.equals(payload)).toBe(true);
  });
  it('rejects a bad pad and partial blocks', () => {
    const enc = encryptPayload(k2, Buffer.alloc(5));
    expect(decryptPayload(k2, enc.subarray(0, enc.length - 1))).toBeUndefined();
    expect(decryptPayload(fromHex('00000000000000000000000000000000'), enc)).toBeUndefined();
  });
});

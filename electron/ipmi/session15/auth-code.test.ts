import { describe, expect, it } from 'vitest';
import { authCode, pad16 } from './auth-code';
import { md2 } from './md2';
import { fromHex } from '../wire/hex';

describe('MD2 (RFC 1319 appendix A.5 test suite)', () => {
  it.each([
    ['', '8350e5a3e24c153df2275c9f80692773'],
    ['a', '32ec01ec4a6dac72c0ab96fb34c0b5d1'],
    ['abc', 'da853b0d3f88d99b30283a69e6ded6bb'],
    ['message digest', 'ab4f496bfb2a530b219ff33031fe06b0'],
    ['abcdefghijklmnopqrstuvwxyz', '4e8ddff3650292ab5a4108c3aa47940b'],
    [
      '12345678901234567890123456789012345678901234567890123456789012345678901234567890',
      'd5976f79d83d3a0dc9806c3c66f3efd8',
    ],
  ])('md2(%j)', (text, digest) => {
    expect(md2(Buffer.from(text)).toString('hex')).toBe(digest);
  });
});

// LAB vectors (research notes §1.4): ipmitool 1.8.19 -I lan against ipmi_sim, user admin / "password",
// authcodes recomputed independently in Python.
describe('IPMI 1.5 MD5 authcode', () => {
  const pw = pad16(Buffer.from('password'));
  it('Activate Session request (temp SID 0x85, seq 0)', () => {
    const msg = fromHex('2018c8810c3a02045 8b9ebc4bf2b388d0d97b73e87dc7d1e63f8ba51c7'.replace(/ /g, ''));
    expect(authCode(2, pw, 0x85, 0, msg)!.toString('hex')).toBe('2767b80dabee72e4cf25f7651e612b8a');
  });
  it('Activate Session response (BMC seq 0x51baf863)', () => {
    const msg = fromHex('811c63200c3a000282020000948ce38c0481');
    expect(authCode(2, pw, 0x85, 0x51baf863, msg)!.toString('hex')).toBe('cf26ce01ffa5afe5c61d551f13999382');
  });
  it('Set Session Privilege request (SID 0x282, seq 0x8ce38c94)', () => {
    expect(authCode(2, pw, 0x282, 0x8ce38c94, fromHex('2018c881103b0430'))!.toString('hex')).toBe(
      '3c3f0eb9c1b0c90884fcb52564af9ca8',
    );
  });
  it('straight password is the padded password; none has no code', () => {
    expect(authCode(4, pw, 1, 1, fromHex('00'))!.toString('hex')).toBe('70617373776f72640000000000000000');
    expect(authCode(0, pw, 1, 1, fromHex('00'))).toBeUndefined();
  });
});

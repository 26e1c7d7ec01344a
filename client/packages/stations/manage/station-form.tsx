// 新增站点 / 编辑站点: the station's union (in scope), name, type, address, district, position, services,
// hours, phone and photos, checked on the page with the contract's rules before station.save checks them again.
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input } from '@tarojs/components'
// Labels from the zod-free module: the contract's schemas stay out of the page bundle.
import { BEIJING_DISTRICTS, SERVICES, SERVICE_LABELS, STATION_KINDS, STATION_KIND_LABELS } from '../../../../types/station-labels'
import type { UnionSummary } from '../../../../types/union'
import { api, ApiCallError } from '../../../services/api'
import { ensureLogin } from '../../../services/session'
import { errorText } from '../../../services/errors'
import { getLocation } from '../../../services/location'
import { scopeUnions } from '../../../services/unions'
import { ErrorBlock, Loading } from '../../../components/states'
import { ScopeUnionPicker } from '../../../components/scope-union-picker'
import { Btn, LinkButton } from '../../../components/ui/button'
import { Chip } from '../../../components/ui/choice'
import { Field, inputA11y } from '../../../components/ui/field'
import { a11y } from '../../../components/ui/a11y'
import { emptyForm, fieldOf, formProblems, fromDetail, toSaveInput, type FormProblems, type StationForm } from './form-rules'
import { HoursEditor } from './hours-rows'
import { PhotosEditor } from './photos-editor'

type Props = { id: string | null; onDone: () => void; onCancel: () => void }

export function StationFormView({ id, onDone, onCancel }: Props) {
  const [form, setForm] = useState<StationForm | null>(null)
  const [unions, setUnions] = useState<UnionSummary[]>([])
  const [loadError, setLoadError] = useState<string | null>(null)
  const [problems, setProblems] = useState<FormProblems>({})
  const [top, setTop] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const load = async () => {
    setLoadError(null)
    try {
      const me = await ensureLogin()
      if (!me) return setLoadError('请先登录')
      const [scope, detail] = await Promise.all([scopeUnions(me), id ? api.station.detail({ id }) : null])
      setUnions(scope.unions)
      setForm(detail ? fromDetail(detail) : emptyForm(scope.own?.id ?? ''))
    } catch (e) {
      setLoadError(errorText(e))
    }
  }
  useEffect(() => void load(), [id])

  if (loadError) return <ErrorBlock message={loadError} onRetry={() => void load()} />
  if (!form) return <Loading text='正在加载站点资料…' />

  const set = (patch: Partial<StationForm>) => setForm((f) => (f ? { ...f, ...patch } : f))
  const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v])
  const union = unions.find((u) => u.id === form.unionId) ?? null

  const locate = async () => {
    const r = await getLocation()
    if (r.ok) set({ lat: r.lat.toFixed(6), lng: r.lng.toFixed(6) })
    else setProblems((p) => ({ ...p, location: r.message.replace(/，请选择.*$/, '，请手动填写经纬度') }))
  }

  const save = async () => {
    if (busy) return
    const found = formProblems(form)
    setProblems(found)
    setTop(Object.keys(found).length ? '还有内容需要修改，请查看标红的提示' : null)
    if (Object.keys(found).length) return
    setBusy(true)
    try {
      await api.station.save(toSaveInput(form))
      Taro.showToast({ title: form.id ? '站点已保存' : '站点已添加', icon: 'success' })
      onDone()
    } catch (e) {
      const fields: FormProblems = {}
      // The first message per field; a path the form does not show goes to the top line only.
      if (e instanceof ApiCallError)
        for (const [path, msg] of Object.entries(e.fields ?? {})) {
          const f = fieldOf(path)
          if (f && !fields[f]) fields[f] = msg
        }
      setProblems(fields)
      setTop(errorText(e))
    } finally {
      setBusy(false)
    }
  }

  const input = (key: 'name' | 'address' | 'phone', label: string, placeholder: string, max: number) => (
    <Field label={label} error={problems[key]} errorClass='form-error'>
      <Input className={`wu-input form-${key}`} value={form[key]} maxlength={max} placeholder={placeholder} onInput={(e) => set({ [key]: e.detail.value })} {...inputA11y(label, problems[key])} />
    </Field>
  )

  return (
    <View className='wu-card station-form'>
      <Text className='form-title' {...a11y({ role: 'heading', level: 2 })}>
        {form.id ? '编辑站点' : '新增站点'}
      </Text>
      {top ? (
        <Text className='form-top-error' {...a11y({ role: 'alert' })}>
          {top}
        </Text>
      ) : null}
      <Field label='所属工会' error={problems.unionId} errorClass='form-error'>
        <ScopeUnionPicker unions={unions} picked={union} onPick={(u) => set({ unionId: u.id })} searchFrom={9} classes={{ picked: 'form-union', option: 'form-union-option' }} />
      </Field>
      {input('name', '站点名称', '如：建外SOHO暖心驿站', 60)}
      <Field label='站点类型' error={problems.kind} errorClass='form-error'>
        <View className='form-chips' {...a11y({ role: 'group', label: '站点类型' })}>
          {STATION_KINDS.map((k) => (
            <Chip key={k} className={`form-kind kind-${k}`} on={form.kind === k} onClick={() => set({ kind: k })}>
              {STATION_KIND_LABELS[k]}
            </Chip>
          ))}
        </View>
      </Field>
      {input('address', '详细地址', '如：北京市朝阳区建国路1号', 120)}
      <Field label='所在区' error={problems.district} errorClass='form-error'>
        <View className='form-chips' {...a11y({ role: 'group', label: '所在区' })}>
          {BEIJING_DISTRICTS.map((d) => (
            <Chip key={d.name} className='form-district' on={form.district === d.name} onClick={() => set({ district: d.name })}>
              {d.name}
            </Chip>
          ))}
        </View>
      </Field>
      <Field label='位置（经纬度）' error={problems.location} errorClass='form-error' hint='在站点门口点“使用当前位置”最准确'>
        <View className='form-latlng'>
          <Input className='wu-input form-lat' type='digit' value={form.lat} placeholder='纬度，如 39.9087' onInput={(e) => set({ lat: e.detail.value })} {...inputA11y('纬度', problems.location)} />
          <Input className='wu-input form-lng' type='digit' value={form.lng} placeholder='经度，如 116.4497' onInput={(e) => set({ lng: e.detail.value })} {...inputA11y('经度', problems.location)} />
        </View>
        <LinkButton className='form-locate' onClick={() => void locate()}>
          使用当前位置
        </LinkButton>
      </Field>
      <Field label='服务项目' error={problems.services} errorClass='form-error'>
        <View className='form-chips' {...a11y({ role: 'group', label: '服务项目' })}>
          {SERVICES.map((s) => (
            <Chip key={s} className={`form-service service-${s}`} on={form.services.includes(s)} onClick={() => set({ services: toggle(form.services, s) })}>
              {SERVICE_LABELS[s]}
            </Chip>
          ))}
        </View>
      </Field>
      <Field label='开放时间' error={problems.hours} errorClass='form-error'>
        <HoursEditor form={form} set={set} />
      </Field>
      {input('phone', '联系电话（可不填）', '如：010-65001234', 20)}
      <Field label='站点照片（可不填）' error={problems.photos} errorClass='form-error' hint='保存后所有人都能看到这些照片，请勿拍到他人面部或证件'>
        <PhotosEditor form={form} setPhotos={(fn) => setForm((f) => (f ? { ...f, photos: fn(f.photos) } : f))} />
      </Field>
      <Btn className='form-save' loading={busy} disabled={busy} onClick={() => void save()}>
        {form.id ? '保存修改' : '添加站点'}
      </Btn>
      <Btn kind='plain' className='form-cancel' disabled={busy} onClick={onCancel}>
        取消
      </Btn>
    </View>
  )
}
